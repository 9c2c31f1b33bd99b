using Microsoft.Extensions.Options;
using Nolan.Core.Notifications;

namespace Nolan.Web.Hosting;

/// <summary>Delivers the outbox every few seconds. Safe on several nodes: messages are claimed under a lease.</summary>
internal sealed class OutboxWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.OutboxIntervalSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                DeliveryRound round;
                do
                {
                    using var scope = scopes.CreateScope();
                    round = await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(50, stoppingToken);
                    if (round.Claimed > 0)
                    {
                        log.LogInformation("Outbox: {Sent} sent, {Retried} to retry, {Dead} dead", round.Sent, round.Retried, round.Dead);
                    }
                }
                while (round.Claimed == 50 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Outbox delivery failed; it will be retried");
            }
        }
    }
}
