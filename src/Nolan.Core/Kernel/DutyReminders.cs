using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Notifications;
using Nolan.Core.Protocols;

namespace Nolan.Core.Kernel;

/// <summary>What one reminder round queued.</summary>
public sealed record ReminderRound(int DueSoon, int Overdue, int VeryOverdue);

/// <summary>What a reminder about one item says, supplied by the capability that owns the item.</summary>
public sealed record DutyContext(string Reference, string Subject, string MemberName, string Link, Guid? ChiefOfficerId);

/// <summary>
/// A capability's side of the reminder engine: what its items are called in messages, who owes a duty nobody holds,
/// and whom its council's protocol makes answer for a very overdue one.
/// </summary>
public interface IDutyItems
{
    /// <summary>The item type its duties carry (the access rule's resource type).</summary>
    string ItemType { get; }

    /// <summary>The message template family for a kind of duty, e.g. <c>enquiry</c> → <c>enquiry-due-soon</c>.</summary>
    string Templates(DutyKind kind);

    Task<IReadOnlyDictionary<Guid, DutyContext>> ContextAsync(NolanDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct);

    /// <summary>Who owes a duty no officer holds (e.g. the council's complaints team); empty when nobody.</summary>
    Task<IReadOnlyList<Recipient>> UnownedAsync(NolanDbContext db, Duty duty, CancellationToken ct);

    /// <summary>Whom the protocol makes answer for a very overdue duty; null where it names nobody.</summary>
    (EscalationTarget To, Citation Why)? Escalation(CouncilProtocol p, DutyKind kind);
}

/// <summary>
/// The one reminder engine for every capability's duties. The working day before a duty falls due its officer is
/// reminded; once it is overdue, the officer and their line manager (Nolan's reminders, not the protocol's); once
/// very overdue, whoever the council's protocol makes answer for it (<see cref="IDutyItems.Escalation"/>) and nobody
/// where it names nobody. A promised date is a new date: when it passes, the reminders go again, and a promised duty
/// does not escalate. While an officer is away, the colleague covering receives their reminders where the protocol
/// provides for cover. Every reminder has a de-duplication key, so several nodes, or a run every few minutes, send
/// each once.
/// </summary>
public sealed class DutyReminders(NolanDbContext db, ProtocolRegistry protocols, Notifier notifier, IEnumerable<IDutyItems> items,
    Audit.AuditLog audit, TimeProvider time)
{
    /// <summary>Who the engine's own changes (sight given to whoever a duty is escalated to) are recorded as.</summary>
    private static readonly Actor System = new() { AccountId = Guid.Empty, Name = "Nolan (deadline reminders)" };

    private const int LookAheadDays = 7;
    private const int MaxChiefOfficerHops = 10;

    public async Task<ReminderRound> RunAsync(CancellationToken ct = default)
    {
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var horizon = today.AddDays(LookAheadDays);
        var open = await db.Duties.AsNoTracking().Where(d => d.MetAt == null && d.EffectiveDueOn <= horizon)
            .OrderBy(d => d.EffectiveDueOn).ToListAsync(ct);
        var owners = items.ToDictionary(i => i.ItemType, StringComparer.Ordinal);
        int dueSoon = 0, overdue = 0, veryOverdue = 0;
        foreach (var group in open.GroupBy(d => d.ItemType))
        {
            if (!owners.TryGetValue(group.Key, out var owner))
            {
                continue;
            }

            var contexts = await owner.ContextAsync(db, [.. group.Select(d => d.ItemId).Distinct()], ct);
            foreach (var duty in group)
            {
                if (!contexts.TryGetValue(duty.ItemId, out var context))
                {
                    continue;
                }

                var p = await protocols.ForVersionAsync(db, duty.CouncilId, duty.ProtocolVersion, ct);
                var (s, o, v) = await RemindAsync(owner, duty, context, p, today, ct);
                dueSoon += s;
                overdue += o;
                veryOverdue += v;
            }
        }

        return new ReminderRound(dueSoon, overdue, veryOverdue);
    }

    private async Task<(int DueSoon, int Overdue, int VeryOverdue)> RemindAsync(IDutyItems owner, Duty duty, DutyContext context,
        CouncilProtocol p, DateOnly today, CancellationToken ct)
    {
        var due = duty.EffectiveDueOn;
        var family = owner.Templates(duty.Kind);
        var keyBase = duty.Kind == DutyKind.EnquiryReply ? $"reminder/{duty.ItemId}" : $"reminder/{duty.ItemId}/{family}";
        Officer? officer = duty.OwedByOfficerId is { } id
            ? await db.Officers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Active, ct)
            : null;
        IReadOnlyList<Recipient> owers = officer is not null
            ? [new Recipient(officer.AccountId, officer.Name, officer.Email)]
            : await owner.UnownedAsync(db, duty, ct);
        var officerName = officer?.Name ?? string.Join(", ", owers.Select(r => r.Name));
        var promised = duty.PromisedOn is null ? "" : "This is the date promised to the member.";
        var dueText = LondonTime.FormatDate(due);
        DueSoon DueSoonTo(string cover) => new(family) { Reference = context.Reference, Subject = context.Subject, Member = context.MemberName, Due = dueText, Promised = promised, Cover = cover };
        Overdue OverdueTo(string cover) => new(family) { Reference = context.Reference, Subject = context.Subject, Member = context.MemberName, Due = dueText, Promised = promised, Cover = cover };

        // While the officer is away, the colleague covering is reminded too where the protocol provides for cover.
        var cover = officer is not null && officer.IsAwayOn(today) ? await Absences.RoutingCoverAsync(db, p, officer, today, ct) : null;
        // A reminder names the enquiry and the member: the colleague covering is given sight of what they are reminded
        // of (a recorded grant under the cover rule, saved with the reminder), or is not reminded.
        if (cover is { Why: null })
        {
            cover = null;
        }

        // The colleague's sight ends with the absence.
        var coverUntil = officer?.AwayUntil is { } back ? LondonTime.StartOfDay(back.AddDays(1)) : (DateTimeOffset?)null;

        var asCover = cover is null ? "" : $"{cover.Explanation} You are receiving this as their cover.";
        var coverTo = cover is null ? null : new Recipient(cover.AccountId, cover.Name, cover.Email);

        int dueSoon = 0, overdue = 0, veryOverdue = 0;
        if (today < due && p.Calendar.IsWorkingDay(today) && p.Calendar.AddWorkingDays(today, 1) == due)
        {
            var key = $"{keyBase}/due-soon/{due:yyyy-MM-dd}";
            foreach (var to in owers)
            {
                dueSoon += await QueueOnceAsync(duty.CouncilId, p, to, DueSoonTo(""), owers.Count == 1 ? key : $"{key}/{to.Email}", context.Link, ct) ? 1 : 0;
            }

            if (coverTo is not null && !await ReminderQueuedAsync($"{key}/cover/{cover!.OfficerId}", ct)
                && await GiveSightAsync(duty, cover.OfficerId, cover.Why!, "Covering for an absent officer", ct, coverUntil))
            {
                await QueueOnceAsync(duty.CouncilId, p, coverTo, DueSoonTo(asCover), $"{key}/cover/{cover.OfficerId}", context.Link, ct);
            }
        }

        if (today > due)
        {
            var key = $"{keyBase}/overdue/{due:yyyy-MM-dd}";
            foreach (var to in owers)
            {
                overdue += await QueueOnceAsync(duty.CouncilId, p, to, OverdueTo(""), owers.Count == 1 ? key + "/officer" : $"{key}/{to.Email}", context.Link, ct) ? 1 : 0;
            }

            if (coverTo is not null && !await ReminderQueuedAsync($"{key}/cover/{cover!.OfficerId}", ct)
                && await GiveSightAsync(duty, cover.OfficerId, cover.Why!, "Covering for an absent officer", ct, coverUntil))
            {
                await QueueOnceAsync(duty.CouncilId, p, coverTo, OverdueTo(asCover), $"{key}/cover/{cover.OfficerId}", context.Link, ct);
            }

            if (officer?.LineManagerId is { } managerId && await RecipientAsync(managerId, ct) is { } manager)
            {
                await QueueOnceAsync(duty.CouncilId, p, manager, new OverdueManager(family)
                {
                    Reference = context.Reference,
                    Subject = context.Subject,
                    Member = context.MemberName,
                    Due = dueText,
                    Officer = officerName,
                    Promised = promised,
                }, key + "/manager", context.Link, ct);
            }
        }

        if (duty.PromisedOn is null && duty.VeryOverdueAfter is { } very && today > very
            && owner.Escalation(p, duty.Kind) is { } escalation
            && await EscalationRecipientAsync(escalation.To, duty.CouncilId, context.ChiefOfficerId, officer?.LineManagerId, ct) is { } chief
            && await GiveSightAsync(duty, chief.OfficerId, escalation.Why, "Answers for it: very overdue", ct)
            && await QueueOnceAsync(duty.CouncilId, p, chief.To, new VeryOverdue(family)
            {
                Reference = context.Reference,
                Subject = context.Subject,
                Member = context.MemberName,
                Due = dueText,
                Officer = officerName,
                Why = escalation.Why.Describe(),
            }, $"{keyBase}/very-overdue", context.Link, ct))
        {
            veryOverdue++;
        }

        return (dueSoon, overdue, veryOverdue);
    }

    private async Task<bool> ReminderQueuedAsync(string key, CancellationToken ct) =>
        await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct) || await db.InAppNotifications.AnyAsync(n => n.DedupKey == key, ct);

    /// <summary>Queues and commits one reminder; false when it was queued before (by this or another node).</summary>
    private async Task<bool> QueueOnceAsync(Guid councilId, CouncilProtocol p, Recipient to, Message message, string key, string link, CancellationToken ct)
    {
        if (await ReminderQueuedAsync(key, ct))
        {
            return false;
        }

        await notifier.QueueAsync(councilId, p.Council.Slug, to, message, key, link, ct: ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node queued the same reminder between the check and the insert: drop this unit of work, its
            // audit events included (their stream heads must not be chained on).
            db.ChangeTracker.Clear();
            audit.Reset();
            return false;
        }
    }

    private Task<Recipient?> RecipientAsync(Guid officerId, CancellationToken ct) =>
        db.Officers.AsNoTracking().Where(o => o.Id == officerId && o.Active)
            .Select(o => new Recipient(o.AccountId, o.Name, o.Email)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Whoever a duty escalates to must be able to open what they are asked to answer for: a recorded, audited
    /// <c>Allow</c> grant (saved with the escalation message), never a role that opens everything.
    /// </summary>
    private async Task<bool> GiveSightAsync(Duty duty, Guid officerId, Citation why, string reason, CancellationToken ct,
        DateTimeOffset? until = null)
    {
        var now = time.GetUtcNow();
        if (!await db.AccessGrants.AnyAsync(g => g.ResourceType == duty.ItemType && g.ResourceId == duty.ItemId
                && g.OfficerId == officerId && g.Effect == GrantEffect.Allow && (g.ExpiresAt == null || g.ExpiresAt > now), ct))
        {
            var grant = new AccessGrant
            {
                CouncilId = duty.CouncilId,
                ResourceType = duty.ItemType,
                ResourceId = duty.ItemId,
                OfficerId = officerId,
                Reason = reason,
                Citation = why.Reference,
                GrantedByAccountId = System.AccountId,
                GrantedAt = now,
                ExpiresAt = until,
            };
            db.AccessGrants.Add(grant);
            await audit.RecordAsync(System, "access.granted", duty.ItemType, duty.ItemId, duty.CouncilId, null,
                new { grant.OfficerId, grant.Reason }, why, ct: ct);
        }

        return true;
    }

    private async Task<(Guid OfficerId, Recipient To)?> EscalationRecipientAsync(EscalationTarget to, Guid councilId, Guid? serviceChief,
        Guid? lineManager, CancellationToken ct)
    {
        var officerId = to == EscalationTarget.MonitoringOfficer
            ? await CouncilOfficers.WithRole(db, councilId, OfficerRoles.MonitoringOfficer).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
            : await ChiefOfficerIdAsync(councilId, serviceChief, lineManager, ct);
        return officerId is { } id && await RecipientAsync(id, ct) is { } recipient ? (id, recipient) : null;
    }

    /// <summary>The officers holding <paramref name="role"/> at a council, as recipients.</summary>
    public static IQueryable<Recipient> RoleHolders(NolanDbContext db, Guid councilId, OfficerRoles role) =>
        CouncilOfficers.WithRole(db, councilId, role).Select(o => new Recipient(o.AccountId, o.Name, o.Email));

    /// <summary>The service's Chief Officer, else the first Chief Officer up the officer's line management.</summary>
    private async Task<Guid?> ChiefOfficerIdAsync(Guid councilId, Guid? serviceChief, Guid? lineManager, CancellationToken ct)
    {
        if (serviceChief is { } chief)
        {
            return chief;
        }

        var next = lineManager;
        for (var depth = 0; next is { } id && depth < MaxChiefOfficerHops; depth++)
        {
            if (await db.OfficerAppointments.AnyAsync(a => a.OfficerId == id && a.CouncilId == councilId
                    && a.RoleRows.Any(r => r.Role == OfficerRoles.ChiefOfficer), ct))
            {
                return id;
            }

            next = await db.Officers.Where(o => o.Id == id).Select(o => o.LineManagerId).FirstOrDefaultAsync(ct);
        }

        return null;
    }
}
