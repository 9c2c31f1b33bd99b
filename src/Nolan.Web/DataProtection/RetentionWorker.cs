using Microsoft.Extensions.Options;
using Nolan.Core.DataProtection;
using Nolan.Core.DataStore;
using Nolan.Web.Api;
using Nolan.Web.Hosting;

namespace Nolan.Web.DataProtection;

/// <summary>
/// Applies the retention policy (<c>Nolan:Retention:*</c>) every <see cref="RetentionSettings.IntervalMinutes"/>: at most
/// a batch of each kind per run, so a backlog (the first run after an upgrade, a shortened period) is worked off over
/// several runs without holding the database. Safe on several nodes: a record already redacted is no candidate, and
/// two nodes redacting one enquiry race on its version, so one wins and the other skips it.
/// </summary>
internal sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<RetentionWorker> log)
    : PeriodicWorker(scopes, time, options, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Options.Retention.IntervalMinutes);

    protected override string Task => "Applying the retention policy";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var run = await RunAsync(services, Options, ct);
        if (run.Total > 0)
        {
            Log.LogInformation("Retention policy: personal data removed from {Enquiries} enquiries, file notes from {Notes}, {Messages} messages emptied, {Notifications} in-app notifications deleted",
                run.Enquiries, run.FileNoteEnquiries, run.Messages, run.InAppNotifications);
        }
    }

    /// <summary>One run: the retention policy, and the idempotency records past <see cref="NolanOptions.IdempotencyHours"/>.</summary>
    public static async Task<RetentionRun> RunAsync(IServiceProvider services, NolanOptions options, CancellationToken ct)
    {
        var run = await services.GetRequiredService<Retention>().ApplyAsync(options.Retention, ct);
        await IdempotencyPurge.PurgeAsync(services.GetRequiredService<NolanDbContext>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow() - options.IdempotencyLifetime, ct);
        return run;
    }
}
