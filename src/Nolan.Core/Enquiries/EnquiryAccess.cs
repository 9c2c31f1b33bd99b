using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;

namespace Nolan.Core.Enquiries;

/// <summary>How the actor stands to one enquiry. Visibility and permitted actions are both derived from it.</summary>
[Flags]
public enum EnquiryRelation
{
    None = 0,
    RaisingMember = 1,
    CopiedMember = 2,
    AssignedOfficer = 4,
    AssigneesLineManager = 8,
    Hub = 16,
}

/// <summary>
/// Who may see an enquiry: the member who raised it, members it was explicitly copied to, the assigned officer and
/// their line manager, and the council's Members Support Hub. Nobody else — not other members, not other
/// officers, not the Monitoring Officer or Chief Executive by role alone, not a system administrator. The list
/// filter and the single-item check are the same rule, so they cannot drift apart.
/// </summary>
public static class EnquiryAccess
{
    public const string ResourceType = "enquiry";

    /// <summary>Narrows a query to the enquiries the actor may see.</summary>
    public static IQueryable<Enquiry> VisibleTo(this IQueryable<Enquiry> enquiries, NolanDbContext db, Actor actor)
    {
        var memberIds = actor.MemberIds;
        var officerId = actor.OfficerId ?? Guid.Empty;
        var hubCouncils = actor.CouncilsWhere(OfficerRoles.MembersSupportHub);
        return enquiries.Where(e =>
            memberIds.Contains(e.MemberId)
            || (officerId != Guid.Empty && (e.AssignedOfficerId == officerId || e.AssignedOfficer!.LineManagerId == officerId))
            || hubCouncils.Contains(e.CouncilId)
            || db.AccessGrants.Any(g => g.ResourceType == ResourceType && g.ResourceId == e.Id
                && g.Effect == GrantEffect.Allow && g.MemberId != null && memberIds.Contains(g.MemberId.Value)));
    }

    /// <summary>The actor's relation to a loaded enquiry.</summary>
    public static EnquiryRelation RelationOf(Actor actor, Enquiry e, Guid? assigneeLineManagerId, bool copiedToActor)
    {
        var r = EnquiryRelation.None;
        if (actor.MemberIds.Contains(e.MemberId))
        {
            r |= EnquiryRelation.RaisingMember;
        }

        if (copiedToActor)
        {
            r |= EnquiryRelation.CopiedMember;
        }

        if (actor.OfficerId is { } me)
        {
            if (e.AssignedOfficerId == me)
            {
                r |= EnquiryRelation.AssignedOfficer;
            }

            if (assigneeLineManagerId == me && e.AssignedOfficerId is not null)
            {
                r |= EnquiryRelation.AssigneesLineManager;
            }
        }

        if (actor.Has(e.CouncilId, OfficerRoles.MembersSupportHub))
        {
            r |= EnquiryRelation.Hub;
        }

        return r;
    }

    public static bool IsOfficerSide(this EnquiryRelation r) =>
        (r & (EnquiryRelation.AssignedOfficer | EnquiryRelation.AssigneesLineManager | EnquiryRelation.Hub)) != 0;
}

/// <summary>What the actor may do to an enquiry now: drives both the checks and which buttons a page shows.</summary>
public sealed record EnquiryPermissions(
    bool Accept,
    bool Assign,
    bool FileNote,
    bool Respond,
    bool HoldingReply,
    bool RaiseBurden,
    bool AgreeBurden,
    bool MoveToComplaints,
    bool Close,
    bool Copy,
    bool SeeInternal,
    bool ArrangeMeeting)
{
    public static EnquiryPermissions For(EnquiryRelation r, Enquiry e)
    {
        var officer = r.IsOfficerSide();
        var live = e.Status is EnquiryStatus.Open or EnquiryStatus.Assigned or EnquiryStatus.HoldingReplySent;
        var assigned = (r & EnquiryRelation.AssignedOfficer) != 0;
        return new EnquiryPermissions(
            Accept: assigned && e.Status == EnquiryStatus.Assigned && e.AcceptedAt is null,
            Assign: officer && live,
            FileNote: officer && e.Status != EnquiryStatus.MovedToComplaints,
            Respond: officer && (live || (e.Status == EnquiryStatus.Answered && e.AwaitingWrittenConfirmation)) && e.AssignedOfficerId is not null,
            HoldingReply: officer && live && e.AssignedOfficerId is not null,
            RaiseBurden: assigned && live,
            AgreeBurden: (r & (EnquiryRelation.AssigneesLineManager | EnquiryRelation.Hub | EnquiryRelation.AssignedOfficer)) != 0 && live,
            MoveToComplaints: officer && live,
            Close: officer && e.Status == EnquiryStatus.Answered && !e.AwaitingWrittenConfirmation,
            Copy: ((r & (EnquiryRelation.RaisingMember | EnquiryRelation.Hub)) != 0) && e.Status != EnquiryStatus.Closed,
            SeeInternal: officer,
            ArrangeMeeting: officer && live);
    }
}
