using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Nolan.Core.Access;
using Nolan.Core.DataStore;
using Npgsql;

namespace Nolan.Web.Tests.Infrastructure;

/// <summary>
/// Nolan on a real database: SQLite (a temporary file) or PostgreSQL (a new database on the server that
/// test.sh started), chosen by NOLAN_TEST_DATABASE. Demo data is seeded; the clock is a fake one.
/// </summary>
public class NolanFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Monday 2 November 2026, just after 10:00 London time (GMT), with sub-millisecond ticks on purpose.</summary>
    public static readonly DateTimeOffset DefaultNow = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private TestDatabase? _database;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public static string DatabaseKind => TestDatabase.Kind;

    public static bool IsPostgres => TestDatabase.IsPostgres;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The seal key tests run with (32 bytes).</summary>
    public const string TestSealKey = "bm9sYW4tdGVzdC1zZWFsLWtleS0zMi1ieXRlcy1sb25nISE=";

    /// <summary>This host's audit anchor file.</summary>
    public string AnchorFile { get; } = Path.Combine(Path.GetTempPath(), $"nolan-anchor-{Guid.NewGuid():N}.log");

    /// <summary>The seal key and anchor this host uses.</summary>
    public Core.Audit.AuditTrust AuditTrust => Services.GetRequiredService<Core.Audit.AuditTrust>();

    /// <summary>Most tests start from the directory alone; the demo's sample enquiries are tested on their own.</summary>
    protected virtual bool SeedDemoEnquiries => false;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("nolan_test");
        ConnectionString = _database.ConnectionString;

        // Start the host now: migrations and demo seeding run once per factory.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Nolan:Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Nolan:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Nolan:Demo", "true");
        builder.UseSetting("Nolan:DemoEnquiries", SeedDemoEnquiries ? "true" : "false");
        builder.UseSetting("Nolan:Workers", "false");
        // The seal key and the anchor are outside the database, as in production; the anchor is this factory's own.
        builder.UseSetting("Nolan:Audit:SealKey", TestSealKey);
        builder.UseSetting("Nolan:Audit:AnchorFile", AnchorFile);
        builder.UseSetting("Nolan:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Nolan:PublicUrl", "https://nolan.test");
        builder.UseSetting("Nolan:Smtp:Host", SmtpSink.Host);
        builder.UseSetting("Nolan:Smtp:Port", Environment.GetEnvironmentVariable("NOLAN_TEST_SMTP_PORT") ?? "1");
        builder.UseSetting("Nolan:Smtp:Security", "None");
        builder.UseSetting("Nolan:Smtp:FromAddress", "members.enquiries@council.test");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeDatabaseAsync();

    private async Task DisposeDatabaseAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> with a database context of this host.</summary>
    public async Task<T> WithDbAsync<T>(Func<NolanDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<NolanDbContext>());
    }

    /// <summary>An API client authenticated with a fresh bearer token for the account with <paramref name="email"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var secret = await WithDbAsync(async db =>
        {
            var account = await db.Accounts.SingleAsync(a => a.Email == email);
            using var scope = Services.CreateScope();
            var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
            var admin = new Actor { AccountId = account.Id, Name = "test", IsSystemAdmin = true };
            var created = await tokens.CreateAsync(account.Id, "test token", 30, admin);
            return created.Value!.Secret;
        });
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in as <paramref name="email"/>.</summary>
    public async Task<PageClient> SignInAsync(string email)
    {
        var page = new PageClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await page.PostFormAsync("/sign-in", new() { ["Email"] = email, ["Password"] = Core.Demo.DemoDirectory.Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Could not sign in as {email}: {(int)response.StatusCode}");
        }

        return page;
    }

    /// <summary>An anonymous page client.</summary>
    public PageClient Anonymous() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
