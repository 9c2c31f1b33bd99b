using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>What one reminder round queued.</summary>
public sealed record ReminderRound(int DueSoon, int Overdue, int VeryOverdue);

/// <summary>
/// Deadlines at work: the day before an enquiry is due (in working days) its officer is reminded; once it is
/// overdue, the officer and their line manager; once very overdue, whoever the council's protocol makes answer for
/// it (preset <c>escalation</c>: Southend 9.1.9 and Cambridge 7.5 name the Chief Officer; silent protocols name nobody). A holding reply's new
/// deadline is a new deadline: when it passes, the reminders go again. Each reminder has a de-duplication key, so
/// running this on several nodes, or every few minutes, sends each reminder once.
/// </summary>
public sealed class EnquiryReminders(NolanDbContext db, ProtocolRegistry protocols, Notifier notifier, TimeProvider time)
{
    public async Task<ReminderRound> RunAsync(CancellationToken ct = default)
    {
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var live = await db.Enquiries.AsNoTracking()
            .Where(e => (e.Status == EnquiryStatus.Open || e.Status == EnquiryStatus.Assigned || e.Status == EnquiryStatus.HoldingReplySent)
                && e.AssignedOfficerId != null && (e.PromisedBy ?? e.DueOn) != null && (e.PromisedBy ?? e.DueOn) <= today.AddDays(7))
            .Select(e => new
            {
                e.Id,
                e.CouncilId,
                e.Reference,
                e.Subject,
                e.DueOn,
                e.PromisedBy,
                e.VeryOverdueAfter,
                e.ProtocolVersion,
                MemberName = e.Member!.Name,
                Officer = new Recipient(e.AssignedOfficer!.AccountId, e.AssignedOfficer.Name, e.AssignedOfficer.Email),
                e.AssignedOfficer.LineManagerId,
                OfficerId = e.AssignedOfficer.Id,
                e.AssignedOfficer.AwayFrom,
                e.AssignedOfficer.AwayUntil,
                ChiefOfficerId = e.Service == null ? null : e.Service.ChiefOfficerId,
            })
            .ToListAsync(ct);

        int dueSoon = 0, overdue = 0, veryOverdue = 0;
        foreach (var e in live)
        {
            var p = await protocols.ForVersionAsync(db, e.CouncilId, e.ProtocolVersion, ct);
            var due = (e.PromisedBy ?? e.DueOn)!.Value;
            var values = new Dictionary<string, string>
            {
                ["reference"] = e.Reference,
                ["subject"] = e.Subject,
                ["member"] = e.MemberName,
                ["due"] = LondonTime.FormatDate(due),
                ["officer"] = e.Officer.Name,
                ["promised"] = e.PromisedBy is null ? "" : "This is the date promised in a holding reply.",
                ["cover"] = "",
            };
            var link = $"/enquiries/{e.Id}";

            // While the officer is away, their colleague covering (Southend 9.1.6) is reminded too.
            var away = e.AwayFrom <= today && today <= e.AwayUntil;
            var cover = away ? await Absences.RoutingCoverAsync(db, p, e.OfficerId, today, ct) : null;
            var coverValues = cover is null ? null : new Dictionary<string, string>(values) { ["cover"] = $"{cover.Explanation} You are receiving this as their cover." };
            var coverTo = cover is null ? null : new Recipient(cover.AccountId, cover.Name, cover.Email);

            if (today < due && p.Calendar.IsWorkingDay(today) && p.Calendar.AddWorkingDays(today, 1) == due)
            {
                var key = $"reminder/{e.Id}/due-soon/{due:yyyy-MM-dd}";
                if (await QueueOnceAsync(e.CouncilId, p, e.Officer, "enquiry-due-soon", key, values, link, ct))
                {
                    dueSoon++;
                }

                if (coverTo is not null)
                {
                    await QueueOnceAsync(e.CouncilId, p, coverTo, "enquiry-due-soon", $"{key}/cover/{cover!.OfficerId}", coverValues!, link, ct);
                }
            }

            if (today > due)
            {
                var key = $"reminder/{e.Id}/overdue/{due:yyyy-MM-dd}";
                if (await QueueOnceAsync(e.CouncilId, p, e.Officer, "enquiry-overdue", key + "/officer", values, link, ct))
                {
                    overdue++;
                }

                if (coverTo is not null)
                {
                    await QueueOnceAsync(e.CouncilId, p, coverTo, "enquiry-overdue", $"{key}/cover/{cover!.OfficerId}", coverValues!, link, ct);
                }

                if (e.LineManagerId is { } managerId && await RecipientAsync(managerId, ct) is { } manager)
                {
                    await QueueOnceAsync(e.CouncilId, p, manager, "enquiry-overdue-manager", key + "/manager", values, link, ct);
                }
            }

            // Escalation only where the protocol names who answers for a very overdue enquiry (Southend 9.1.9,
            // Cambridge 7.5); elsewhere the enquiry shows as very overdue and nobody is written to in the protocol's name.
            if (e.PromisedBy is null && e.VeryOverdueAfter is { } very && today > very
                && EnquiryRulebook.Escalation(p) is { } escalation
                && await EscalationRecipientAsync(escalation.To, e.CouncilId, e.ChiefOfficerId, e.LineManagerId, ct) is { } chief
                && await QueueOnceAsync(e.CouncilId, p, chief, "enquiry-very-overdue", $"reminder/{e.Id}/very-overdue",
                    new Dictionary<string, string>(values) { ["why"] = escalation.Why.Describe() }, link, ct))
            {
                veryOverdue++;
            }
        }

        return new ReminderRound(dueSoon, overdue, veryOverdue);
    }

    /// <summary>Queues and commits one reminder; false when it was queued before (by this or another node).</summary>
    private async Task<bool> QueueOnceAsync(Guid councilId, CouncilProtocol p, Recipient to, string template, string key,
        Dictionary<string, string> values, string link, CancellationToken ct)
    {
        if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct) || await db.InAppNotifications.AnyAsync(n => n.DedupKey == key, ct))
        {
            return false;
        }

        await notifier.QueueAsync(councilId, p.Council.Slug, to, template, key, new Dictionary<string, string>(values), link, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node queued the same reminder between the check and the insert.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<Recipient?> RecipientAsync(Guid officerId, CancellationToken ct) =>
        db.Officers.AsNoTracking().Where(o => o.Id == officerId && o.Active)
            .Select(o => new Recipient(o.AccountId, o.Name, o.Email)).FirstOrDefaultAsync(ct);

    private async Task<Recipient?> EscalationRecipientAsync(EscalationTarget to, Guid councilId, Guid? serviceChief, Guid? lineManager, CancellationToken ct) =>
        to == EscalationTarget.MonitoringOfficer
            ? await db.OfficerAppointments.AsNoTracking()
                .Where(a => a.CouncilId == councilId && a.Officer!.Active && a.RoleRows.Any(r => r.Role == OfficerRoles.MonitoringOfficer))
                .Select(a => new Recipient(a.Officer!.AccountId, a.Officer.Name, a.Officer.Email)).FirstOrDefaultAsync(ct)
            : await ChiefOfficerAsync(councilId, serviceChief, lineManager, ct);

    /// <summary>The service's Chief Officer, else the first Chief Officer up the assignee's line management.</summary>
    private async Task<Recipient?> ChiefOfficerAsync(Guid councilId, Guid? serviceChief, Guid? lineManager, CancellationToken ct)
    {
        if (serviceChief is { } chief)
        {
            return await RecipientAsync(chief, ct);
        }

        var next = lineManager;
        for (var depth = 0; next is { } id && depth < 10; depth++)
        {
            if (await db.OfficerAppointments.AnyAsync(a => a.OfficerId == id && a.CouncilId == councilId
                    && a.RoleRows.Any(r => r.Role == OfficerRoles.ChiefOfficer), ct))
            {
                return await RecipientAsync(id, ct);
            }

            next = await db.Officers.Where(o => o.Id == id).Select(o => o.LineManagerId).FirstOrDefaultAsync(ct);
        }

        return null;
    }
}
