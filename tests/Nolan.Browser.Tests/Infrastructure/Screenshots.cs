using Microsoft.Playwright;

namespace Nolan.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page PNGs of the pages a test visits, numbered in order: <c>{prefix}-01-sign-in.png</c>, ...
/// They go to NOLAN_SCREENSHOTS_DIR (test.sh sets it to artifacts/screenshots), else to screenshots/ in the test output.
/// </summary>
public sealed class Screenshots(string prefix)
{
    private int _count;

    public static string Folder =>
        Environment.GetEnvironmentVariable("NOLAN_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Waits for the page (styles, fonts) to load, then saves it; returns the file's path.</summary>
    public async Task<string> TakeAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{prefix}-{++_count:00}-{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
