using Nolan.Core.Access;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Kernel;

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

    /// <summary>Holds the post that decides a burden referred for a decision (the Monitoring Officer), on that enquiry.</summary>
    BurdenDecider = 32,

    /// <summary>The council's complaints team, on an enquiry moved to the complaints procedure.</summary>
    ComplaintsTeam = 64,
}

/// <summary>
/// Who may see an enquiry: the member who raised it, members it was explicitly copied to (an <c>Allow</c> grant), the
/// assigned officer and their line manager, the council's Members Support Hub, and the council's Monitoring Officer once
/// the enquiry is referred to them to decide whether a disproportionate request is answered, and the council's complaints
/// team once it is moved to the complaints procedure — unless a <c>Deny</c> grant
/// hides it from them. Nobody else: not other members, not other officers, not the Monitoring Officer or Chief Executive
/// by role alone, not a system administrator. Declared once here; the kernel's <see cref="ItemAccess{TItem}"/> makes both the
/// list filter and the single read from it.
/// </summary>
public sealed class EnquiryAccess : ItemAccess<Enquiry>
{
    public const string Type = "enquiry";

    public static readonly EnquiryAccess Rule = new();

    public override string ResourceType => Type;

    protected override int GrantedFlag => (int)EnquiryRelation.CopiedMember;

    protected override IEnumerable<Relationship<Enquiry>> Relationships(Actor actor)
    {
        var memberIds = actor.MemberIds;
        // One id is compared with = rather than = ANY(array): PostgreSQL then estimates the rows, and can read a
        // scope's index in order, instead of guessing a handful and sorting them all (bench/NATIONAL_PLANS.md).
        if (memberIds.Count == 1)
        {
            var memberId = memberIds[0];
            yield return new((int)EnquiryRelation.RaisingMember, e => e.MemberId == memberId);
        }
        else if (memberIds.Count > 1)
        {
            yield return new((int)EnquiryRelation.RaisingMember, e => memberIds.Contains(e.MemberId));
        }

        if (actor.OfficerId is { } officerId)
        {
            yield return new((int)EnquiryRelation.AssignedOfficer, e => e.AssignedOfficerId == officerId);
            yield return new((int)EnquiryRelation.AssigneesLineManager, e => e.AssignedOfficer!.LineManagerId == officerId);
        }

        var hubCouncils = actor.CouncilsWhere(OfficerRoles.MembersSupportHub);
        if (hubCouncils.Count == 1)
        {
            var hubCouncil = hubCouncils[0];
            yield return new((int)EnquiryRelation.Hub, e => e.CouncilId == hubCouncil);
        }
        else if (hubCouncils.Count > 1)
        {
            yield return new((int)EnquiryRelation.Hub, e => hubCouncils.Contains(e.CouncilId));
        }

        // An enquiry moved to the complaints procedure is the complaints team's to answer (and be reminded of).
        var complaintsCouncils = actor.CouncilsWhere(OfficerRoles.ComplaintsTeam);
        if (complaintsCouncils.Count > 0)
        {
            yield return new((int)EnquiryRelation.ComplaintsTeam, e => e.Status == EnquiryStatus.MovedToComplaints && complaintsCouncils.Contains(e.CouncilId));
        }

        // A referral is to a post, not a person: whoever is the Monitoring Officer when it is decided can decide it.
        var deciderCouncils = actor.CouncilsWhere(OfficerRoles.MonitoringOfficer);
        if (deciderCouncils.Count > 0)
        {
            yield return new((int)EnquiryRelation.BurdenDecider, e => e.BurdenReferredAt != null && deciderCouncils.Contains(e.CouncilId));
        }
    }
}

public static class EnquiryAccessExtensions
{
    /// <summary>Narrows a query to the enquiries the actor may see (the kernel filter of <see cref="EnquiryAccess"/>), given their grants.</summary>
    public static IQueryable<Enquiry> VisibleTo(this IQueryable<Enquiry> enquiries, NolanDbContext db, Actor actor, DateTimeOffset now, ActorGrants grants) =>
        EnquiryAccess.Rule.Visible(enquiries, db, actor, now, grants);

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
    bool ArrangeMeeting,
    bool RecordComplaintOutcome,
    bool RecordConsentEvidence,
    bool RecordReleaseCheck,
    bool DecideUrgency,
    bool DisputeUrgency,
    bool DecideBurden)
{
    /// <summary>What the actor may do now: what their relation allows (<see cref="Roles"/>) and the enquiry's state allows.</summary>
    public static EnquiryPermissions For(EnquiryRelation r, Enquiry e)
    {
        var role = Roles(r);
        var live = e.IsLive;
        return new EnquiryPermissions(
            Accept: role.Accept && e.Status == EnquiryStatus.Assigned && e.AcceptedAt is null,
            Assign: role.Assign && live,
            FileNote: role.FileNote && e.Status != EnquiryStatus.MovedToComplaints,
            Respond: role.Respond && (live || (e.Status == EnquiryStatus.Answered && e.AwaitingWrittenConfirmation)) && e.AssignedOfficerId is not null,
            HoldingReply: role.HoldingReply && live && e.AssignedOfficerId is not null,
            RaiseBurden: role.RaiseBurden && live,
            AgreeBurden: role.AgreeBurden && live,
            MoveToComplaints: role.MoveToComplaints && live,
            Close: role.Close && e.Status == EnquiryStatus.Answered && !e.AwaitingWrittenConfirmation,
            Copy: role.Copy && e.Status != EnquiryStatus.Closed,
            SeeInternal: role.SeeInternal,
            ArrangeMeeting: role.ArrangeMeeting && live,
            RecordComplaintOutcome: role.RecordComplaintOutcome && e.Status == EnquiryStatus.MovedToComplaints && e.ComplaintDueOn is not null
                && e.ComplaintAnsweredAt is null,
            RecordConsentEvidence: role.RecordConsentEvidence && e.AwaitingConsentEvidence && !e.IsFinished,
            RecordReleaseCheck: role.RecordReleaseCheck && live && e.ReleaseCheckedAt is null,
            DecideUrgency: role.DecideUrgency && live && e.UrgencyRequested is not null && e.UrgencyDisputedAt is null,
            DisputeUrgency: role.DisputeUrgency && live && e.Urgent == false && e.UrgencyDisputedAt is null,
            DecideBurden: role.DecideBurden && live && e.BurdenReferredAt is not null && e.BurdenDecidedAt is null);
    }

    /// <summary>
    /// What the actor's relation could ever allow, whatever the state: a refusal here is a 403 (not yours to do); a
    /// refusal only by <see cref="For"/> is a 409 (not possible now).
    /// </summary>
    public static EnquiryPermissions Roles(EnquiryRelation r)
    {
        var officer = r.IsOfficerSide();
        var assigned = (r & EnquiryRelation.AssignedOfficer) != 0;
        var raising = (r & EnquiryRelation.RaisingMember) != 0;
        var decider = (r & EnquiryRelation.BurdenDecider) != 0;
        return new EnquiryPermissions(
            Accept: assigned,
            Assign: officer,
            FileNote: officer,
            Respond: officer,
            HoldingReply: officer,
            RaiseBurden: assigned,
            AgreeBurden: (r & (EnquiryRelation.AssigneesLineManager | EnquiryRelation.Hub | EnquiryRelation.AssignedOfficer)) != 0,
            MoveToComplaints: officer,
            Close: officer,
            Copy: raising || (r & EnquiryRelation.Hub) != 0,
            SeeInternal: officer || decider,
            ArrangeMeeting: officer,
            RecordComplaintOutcome: officer || (r & EnquiryRelation.ComplaintsTeam) != 0,
            RecordConsentEvidence: officer || raising,
            RecordReleaseCheck: (r & EnquiryRelation.AssigneesLineManager) != 0,
            DecideUrgency: assigned,
            DisputeUrgency: raising,
            DecideBurden: decider);
    }
}
