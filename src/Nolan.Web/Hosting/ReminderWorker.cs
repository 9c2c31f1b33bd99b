using Microsoft.Extensions.Options;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Hosting;

/// <summary>
/// Checks deadlines and digests every five minutes; each reminder and digest has a de-duplication key, so it is
/// queued once.
/// </summary>
internal sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<NolanOptions> options, ILogger<ReminderWorker> log)
    : PeriodicWorker(scopes, time, options, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string Task => "Checking enquiry deadlines and digests";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var round = await services.GetRequiredService<Nolan.Core.Kernel.DutyReminders>().RunAsync(ct);
        if (round.DueSoon + round.Overdue + round.VeryOverdue > 0)
        {
            Log.LogInformation("Reminders queued: {DueSoon} due soon, {Overdue} overdue, {VeryOverdue} very overdue",
                round.DueSoon, round.Overdue, round.VeryOverdue);
        }

        var digests = await services.GetRequiredService<Core.Notifications.Digests>().RunAsync(ct);
        if (digests.Daily + digests.Weekly > 0)
        {
            Log.LogInformation("Digests queued: {Daily} daily, {Weekly} weekly", digests.Daily, digests.Weekly);
        }
    }
}
