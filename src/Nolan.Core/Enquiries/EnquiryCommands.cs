namespace Nolan.Core.Enquiries;

/// <summary>Log a new enquiry. A member logs their own; the Hub logs one on a member's behalf (name the member).</summary>
public sealed record LogEnquiry
{
    public Guid? MemberId { get; init; }
    public EnquiryChannel Channel { get; init; } = EnquiryChannel.Portal;
    public string? Subject { get; init; }
    public string? Details { get; init; }
    public Guid? WardId { get; init; }
    public Guid? ServiceId { get; init; }
    public bool HasConstituentData { get; init; }
    public string? ConsentEvidence { get; init; }

    /// <summary>Why the member asks for an urgent response (optional); the officer decides (A8).</summary>
    public string? UrgentBecause { get; init; }
    /// <summary>When it was received, if earlier than now (e.g. a phone call logged later). Never in the future.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

/// <summary>
/// A substantive response; <paramref name="Oral"/>: it was given by phone or in person. <paramref name="PublicDomain"/>: the officer confirms the information is in the public domain
/// (West Oxfordshire para 67); <paramref name="CommerciallySensitive"/>: it releases commercially sensitive information (002 16.8).
/// </summary>
public sealed record SendResponse(string? Body, bool Oral = false, bool PublicDomain = false, bool CommerciallySensitive = false);

/// <summary>
/// A holding reply: why it is late, what is being done, and when the full answer will come; <paramref name="Oral"/> when
/// the officer told the member by phone or in person.
/// </summary>
public sealed record SendHoldingReply(string? Reason, string? Action, DateOnly? NewDeadline, bool Oral = false);

/// <summary>Agreed approach to a disproportionate request, optionally with a new deadline.</summary>
public sealed record AgreeBurden(string? Approach, DateOnly? NewDeadline);

/// <summary>Assign from the Hub's queue, or pass on to a colleague, with an optional note for the officer.</summary>
public sealed record AssignEnquiry(Guid OfficerId, string? Note = null);

/// <summary>A file note of a conversation (officers only).</summary>
public sealed record AddFileNote(string? Text);

/// <summary>
/// A disproportionate burden, raised with whoever the protocol names; <paramref name="ReferForDecision"/> also asks
/// whoever decides whether such a request is refused (where the protocol allows refusal).
/// </summary>
public sealed record RaiseBurden(string? Text, bool ReferForDecision = false);

/// <summary>The decision on a referred burden: provide the information, or refuse the request, with reasons.</summary>
public sealed record DecideBurden(bool Provide, string? Reason);

/// <summary>It is really a complaint: moved to the complaints procedure, with the reason the member sees.</summary>
public sealed record MoveToComplaints(string? Reason);

/// <summary>What the complaints procedure decided or replied.</summary>
public sealed record RecordComplaintOutcome(string? Text);

/// <summary>The constituent's consent evidence that was being sought.</summary>
public sealed record RecordConsentEvidence(string? Text);

/// <summary>A line manager's check before commercially sensitive information is released.</summary>
public sealed record RecordReleaseCheck(string? Text);

/// <summary>The officer's decision on a member's request for urgency, with the reason the member sees.</summary>
public sealed record DecideUrgency(bool Urgent, string? Reason);

/// <summary>The member disputes a decision that it is not urgent.</summary>
public sealed record DisputeUrgency(string? Reason);

/// <summary>Copy to another member of the council.</summary>
public sealed record CopyToMember(Guid MemberId);

/// <summary>A list of enquiries the actor may see.</summary>
public enum EnquiryScope
{
    /// <summary>Raised by, or copied to, the actor as a member.</summary>
    Mine,
    /// <summary>Assigned to the actor as an officer.</summary>
    AssignedToMe,
    /// <summary>Enquiries assigned to officers the actor line-manages.</summary>
    Team,
    /// <summary>The Hub's queue: open enquiries awaiting routing in the Hub's councils.</summary>
    Triage,

    /// <summary>Every enquiry of the Hub's councils, at any stage: for finding one by reference or name.</summary>
    Council,
}

/// <summary>Filter by stage.</summary>
public enum StageFilter
{
    Live,
    Finished,
    All,
}

/// <summary>One row of a list.</summary>
public sealed record EnquirySummary(
    Guid Id,
    string Reference,
    string Subject,
    string MemberName,
    EnquiryStatus Status,
    DateTimeOffset ReceivedAt,
    DateOnly? DueOn,
    DateOnly? EffectiveDueOn,
    Timeliness Timeliness,
    string? AssignedOfficerName,
    string? ServiceName,
    int Version,
    DateOnly? PromisedBy = null,
    int WorkingDaysOverdue = 0,
    string? WardName = null,
    DateTimeOffset? AnsweredAt = null);

/// <summary>
/// A page of a list, with how many the filters select in all: exactly, or (<see cref="TotalIsExact"/> false) at least
/// <see cref="EnquiryLists.CountCap"/>, when the pages go on past the last one counted.
/// </summary>
public sealed record EnquiryPage(IReadOnlyList<EnquirySummary> Items, int Page, int PageSize, int Total, bool TotalIsExact = true)
{
    /// <summary>The pages counted; past a capped count, one more than the page shown while pages are full.</summary>
    public int Pages => TotalIsExact
        ? Math.Max(1, (Total + PageSize - 1) / PageSize)
        : Math.Max((Total + PageSize - 1) / PageSize, Page) + (Items.Count == PageSize ? 1 : 0);

    public bool HasMore => Page < Pages;
}

/// <summary>Someone the enquiry was copied to: shown to everyone who can see it (no blind copies).</summary>
public sealed record CopyRecipient(Guid MemberId, string Name, DateTimeOffset At);

/// <summary>An enquiry as one viewer may see it.</summary>
public sealed record EnquiryView(
    Enquiry Enquiry,
    string CouncilName,
    string MemberName,
    string? WardName,
    string? ServiceName,
    string? AssignedOfficerName,
    Timeliness Timeliness,
    DeadlineDecision Deadline,
    IReadOnlyList<EnquiryActivity> Activities,
    IReadOnlyList<CopyRecipient> CopiedTo,
    EnquiryRelation Relation,
    EnquiryPermissions Can,
    string? AssigneeAway = null,
    string HubName = Protocols.CouncilProtocol.DefaultHubName,
    int WorkingDaysOverdue = 0,
    bool ReleaseCheckApplies = false,
    BurdenDecisionRoute? BurdenDecision = null,
    string? ProtocolTitle = null);


/// <summary>A meeting or site visit with the member about the enquiry; both get a calendar invitation.</summary>
public sealed record ArrangeMeeting(DateTimeOffset? Start, DateTimeOffset? End, string? Location, string? Note);
