using Microsoft.Extensions.Options;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Hosting;

/// <summary>Checks deadlines every few minutes and queues reminders; each reminder is queued once, whichever node runs it.</summary>
internal sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<ReminderWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Workers)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var round = await scope.ServiceProvider.GetRequiredService<EnquiryReminders>().RunAsync(stoppingToken);
                if (round.DueSoon + round.Overdue + round.VeryOverdue > 0)
                {
                    log.LogInformation("Reminders queued: {DueSoon} due soon, {Overdue} overdue, {VeryOverdue} very overdue",
                        round.DueSoon, round.Overdue, round.VeryOverdue);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Checking enquiry deadlines failed; it will be retried");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
