using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.DataStore;
using Nolan.Core.Demo;
using Nolan.Core.Protocols;

namespace Nolan.Web.Hosting;

/// <summary>
/// Before the server takes requests: migrate the database and, with demo on, seed the seed councils on first run.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<NolanOptions> options, ILogger<DatabaseInitializer> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        DataStoreSetup.EnsureSqliteFolder(o.Database);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NolanDbContext>();
        if (o.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
            // Rows from before events committed to rows (or from a data migration) are committed to once, here.
            if (await AuditChain.BaselineAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken) is > 0 and var n)
            {
                log.LogInformation("Audit baseline: {Rows} casework rows committed to", n);
            }

            // Reset links in emails sent before delivery dropped them: a no-op once done.
            if (await Core.Notifications.OutboxDelivery.RedactDeliveredSecretsAsync(db, cancellationToken) is > 0 and var redacted)
            {
                log.LogInformation("Removed the bodies of {Count} delivered messages that held single-use links", redacted);
            }
        }

        if (o.Demo && !await db.Councils.AnyAsync(cancellationToken))
        {
            var summary = await SeedDemoAsync(db, scope.ServiceProvider.GetRequiredService<PresetCatalog>(), cancellationToken);
            if (o.DemoEnquiries)
            {
                using var enquiryScope = scopes.CreateScope();
                var sp = enquiryScope.ServiceProvider;
                await DemoEnquiries.SeedAsync(sp.GetRequiredService<NolanDbContext>(), sp.GetRequiredService<Core.Enquiries.EnquiryService>(),
                    sp.GetRequiredService<TimeProvider>(), cancellationToken);
            }

            log.LogInformation("Seeded demo data: {Councils} councils, {Members} members, {Officers} officers",
                summary.Councils, summary.Members, summary.Officers);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task<DemoSummary> SeedDemoAsync(NolanDbContext db, PresetCatalog presets, CancellationToken ct)
    {
        var hash = new PasswordHasher<Account>().HashPassword(null!, DemoDirectory.Password);
        var summary = DemoDirectory.Build(db, presets, hash);
        await db.SaveChangesAsync(ct);
        return summary;
    }
}
