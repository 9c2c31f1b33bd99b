using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Nolan.Core.DataStore;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Browser.Tests.Infrastructure;

/// <summary>
/// Nolan served by Kestrel on a real loopback port, for a browser to reach. As in Nolan.Web.Tests' NolanFactory:
/// SQLite (a temporary file) or PostgreSQL (a new database on the server test.sh started), chosen by
/// NOLAN_TEST_DATABASE; demo data seeded; the clock a fake one.
/// </summary>
public sealed class NolanServer : WebApplicationFactory<Program>
{
    /// <summary>Monday 2 November 2026, 10:00 London time (GMT).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public static bool IsPostgres => TestDatabase.IsPostgres;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the browser finds Nolan, for example http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; private set; } = null!;

    /// <summary>Creates the database, starts Kestrel on a free loopback port (migrations and demo seeding run now).</summary>
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("nolan_browser");
        ConnectionString = _database.ConnectionString;

        UseKestrel(0);
        StartServer();

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no IServerAddressesFeature");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel is listening on no http:// address: " + string.Join(", ", addresses));
        var uri = new Uri(address);
        // A wildcard bind ("[::]", "0.0.0.0") is reached through the loopback address.
        var host = uri.IsLoopback ? uri.Host : "127.0.0.1";
        RootUri = new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Nolan:Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Nolan:Database:ConnectionString", ConnectionString);
        builder.UseSetting("Nolan:Demo", "true");
        // The directory alone: the tests log the enquiries they look at (and seeding stays quick).
        builder.UseSetting("Nolan:DemoEnquiries", "false");
        builder.UseSetting("Nolan:Workers", "false");
        builder.UseSetting("Nolan:SignInAttemptsPerMinute", "10000");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Runs <paramref name="work"/> with a database context of this host.</summary>
    public async Task<T> WithDbAsync<T>(Func<NolanDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<NolanDbContext>());
    }

    /// <summary>The display name of the account with <paramref name="email"/> (shown in the header and on enquiries).</summary>
    public Task<string> DisplayNameAsync(string email) =>
        WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.Email == email).Select(a => a.DisplayName).SingleAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
