using Microsoft.Extensions.Options;
using Nolan.Core.Notifications;

namespace Nolan.Web.Hosting;

/// <summary>Delivers the outbox every few seconds; messages are claimed under a lease, so nodes never send one twice at once.</summary>
internal sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<OutboxWorker> log)
    : PeriodicWorker(scopes, time, options, log)
{
    private const int Batch = 50;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, Options.OutboxIntervalSeconds));

    protected override string Task => "Outbox delivery";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        DeliveryRound round;
        do
        {
            // A new scope per batch keeps each batch's change tracker small.
            using var scope = services.CreateScope();
            round = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(Batch, ct);
            if (round.Claimed > 0)
            {
                Log.LogInformation("Outbox: {Sent} sent, {Retried} to retry, {Dead} dead", round.Sent, round.Retried, round.Dead);
            }
        }
        while (round.Claimed == Batch && !ct.IsCancellationRequested);
    }
}
