using Microsoft.Playwright;

namespace Nolan.Browser.Tests.Infrastructure;

/// <summary>
/// One Nolan server and one headless Chromium (Debian's, never a downloaded one) per test class;
/// each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Password of every demo account.</summary>
    public const string Password = Core.Demo.DemoDirectory.Password;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public NolanServer Server { get; } = new();

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("NOLAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) and a page in it, pointed at Nolan.
    /// <paramref name="bypassCsp"/> is for injecting axe-core only: Nolan's CSP rightly blocks inline scripts.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = Server.RootUri.ToString(),
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new() { Width = 1024, Height = 768 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
