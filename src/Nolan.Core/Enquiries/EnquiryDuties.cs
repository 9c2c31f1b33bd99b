using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Kernel;
using Nolan.Core.Notifications;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>
/// Members' enquiries' side of the reminder engine: what reminders about an enquiry say, that a complaint's response
/// is owed by the council's complaints team, and who answers for a very overdue reply (the preset's escalation rule).
/// </summary>
public sealed class EnquiryDuties : IDutyItems
{
    public string ItemType => EnquiryAccess.Type;

    public string Templates(DutyKind kind) => kind == DutyKind.ComplaintResponse ? "complaint" : "enquiry";

    public async Task<IReadOnlyDictionary<Guid, DutyContext>> ContextAsync(NolanDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct) =>
        await db.Enquiries.AsNoTracking().Where(e => itemIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Reference, e.Subject, Member = e.Member!.Name, ChiefOfficerId = e.Service == null ? null : e.Service.ChiefOfficerId })
            .ToDictionaryAsync(e => e.Id, e => new DutyContext(e.Reference, e.Subject, e.Member, $"/enquiries/{e.Id}", e.ChiefOfficerId), ct);

    public async Task<IReadOnlyList<Recipient>> UnownedAsync(NolanDbContext db, Duty duty, CancellationToken ct) =>
        duty.Kind == DutyKind.ComplaintResponse
            ? await DutyReminders.RoleHolders(db, duty.CouncilId, OfficerRoles.ComplaintsTeam).ToListAsync(ct)
            : [];

    public (EscalationTarget To, Citation Why)? Escalation(CouncilProtocol p, DutyKind kind) =>
        kind == DutyKind.EnquiryReply ? EnquiryRulebook.Escalation(p) : null;
}
