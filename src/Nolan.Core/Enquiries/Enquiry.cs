using System.ComponentModel.DataAnnotations;
using Nolan.Core.CouncilDirectory;

namespace Nolan.Core.Enquiries;

/// <summary>Where an enquiry is in its life. Stored as its name; shown with GOV.UK display text.</summary>
public enum EnquiryStatus
{
    Open,
    Assigned,
    HoldingReplySent,
    Answered,
    Closed,
    MovedToComplaints,

    /// <summary>Refused as a disproportionate request by whoever the protocol says decides (A5).</summary>
    Refused,
}

/// <summary>How the enquiry reached the council.</summary>
public enum EnquiryChannel
{
    Portal,
    Email,
    Phone,
    InPerson,
}

/// <summary>Lateness, derived from dates, never stored.</summary>
public enum Timeliness
{
    NoDeadline,
    OnTime,
    DueToday,
    Overdue,
    VeryOverdue,
    Finished,

    /// <summary>An explanation sent in time met the deadline (West Oxfordshire para 29(a)), and no date was promised.</summary>
    Explained,
}

/// <summary>A member's enquiry, judged under the protocol version in force on the day it was received.</summary>
public sealed class Enquiry : Kernel.IChangeableItem, Audit.IAuditedRow
{
    string Audit.IAuditedRow.AuditItemType => EnquiryAccess.Type;

    Guid Audit.IAuditedRow.AuditItemId => Id;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    /// <summary>Human reference, e.g. <c>SOS-2026-4F7K2QXM</c>.</summary>
    public required string Reference { get; init; }
    /// <summary>The member who raised it.</summary>
    public required Guid MemberId { get; init; }
    public Member? Member { get; init; }
    public required Guid LoggedByAccountId { get; init; }
    public EnquiryChannel Channel { get; init; }
    public required string Subject { get; set; }
    public required string Details { get; set; }
    public Guid? WardId { get; set; }
    public Ward? Ward { get; set; }
    public Guid? ServiceId { get; set; }
    public Service? Service { get; set; }

    /// <summary>Whether it carries a constituent's personal data; if so, the consent evidence recorded.</summary>
    public bool HasConstituentData { get; init; }
    /// <summary>The evidence of consent recorded; null while it is still being sought (the reply is held until then).</summary>
    public string? ConsentEvidence { get; set; }

    /// <summary>A constituent's personal data is in it, the protocol asks for consent evidence, and none is recorded yet.</summary>
    public bool AwaitingConsentEvidence { get; set; }

    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Day of receipt in Europe/London (day 0 of the deadline).</summary>
    public required DateOnly ReceivedOn { get; init; }
    /// <summary>Preset version that judges this enquiry, e.g. <c>cambridge/2025-updated</c>.</summary>
    public required string ProtocolVersion { get; init; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? VeryOverdueAfter { get; set; }
    /// <summary>The deadline promised in the latest holding reply.</summary>
    public DateOnly? PromisedBy { get; set; }

    /// <summary>
    /// The day an explanation was sent within the deadline where the protocol lets that meet it (West Oxfordshire
    /// para 29(a)): the enquiry is then not late unless a date it promised passes.
    /// </summary>
    public DateOnly? ExplainedOn { get; set; }
    public DateOnly? ComplaintDueOn { get; set; }

    /// <summary>The member asked for an urgent response (A8), with their reason.</summary>
    public string? UrgencyRequested { get; set; }

    /// <summary>The officer's decision on urgency: null while undecided (para 30: "deemed by the officer to be urgent").</summary>
    public bool? Urgent { get; set; }

    /// <summary>When the member disputed the officer's decision and it was referred (para 30).</summary>
    public DateTimeOffset? UrgencyDisputedAt { get; set; }

    /// <summary>When a line manager recorded the check before commercially sensitive information is released (002 16.8).</summary>
    public DateTimeOffset? ReleaseCheckedAt { get; set; }

    /// <summary>When a disproportionate burden was referred for a decision on whether to provide the information (A5).</summary>
    public DateTimeOffset? BurdenReferredAt { get; set; }

    /// <summary>When that decision was recorded.</summary>
    public DateTimeOffset? BurdenDecidedAt { get; set; }

    /// <summary>When the complaints procedure's response was recorded (meets the complaint's duty).</summary>
    public DateTimeOffset? ComplaintAnsweredAt { get; set; }

    public EnquiryStatus Status { get; set; }
    public Guid? AssignedOfficerId { get; set; }
    public Officer? AssignedOfficer { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>An oral answer awaits written confirmation (002 16.3).</summary>
    public bool AwaitingWrittenConfirmation { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: a stale update is refused with 409.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; } = 1;

    public List<EnquiryActivity> Activities { get; init; } = [];

    /// <summary>The statuses in which nothing more is owed to the member: one list for every check and query.</summary>
    public static readonly IReadOnlyList<EnquiryStatus> FinishedStatuses =
        [EnquiryStatus.Answered, EnquiryStatus.Closed, EnquiryStatus.MovedToComplaints, EnquiryStatus.Refused];

    /// <summary>The statuses in which a reply is still owed.</summary>
    public static readonly IReadOnlyList<EnquiryStatus> LiveStatuses =
        [EnquiryStatus.Open, EnquiryStatus.Assigned, EnquiryStatus.HoldingReplySent];

    public bool IsFinished => FinishedStatuses.Contains(Status);

    public bool IsLive => LiveStatuses.Contains(Status);

    /// <summary>The date the next response is owed: a holding reply's promised date replaces the original.</summary>
    public DateOnly? EffectiveDueOn => PromisedBy ?? DueOn;

    /// <summary>Lateness on <paramref name="today"/> (Europe/London): overdue the day after the due date.</summary>
    public Timeliness TimelinessOn(DateOnly today) => TimelinessOf(Status, DueOn, PromisedBy, VeryOverdueAfter, ExplainedOn, today);

    /// <summary>The same rule for a list row that has only these columns.</summary>
    public static Timeliness TimelinessOf(EnquiryStatus status, DateOnly? dueOn, DateOnly? promisedBy, DateOnly? veryOverdueAfter,
        DateOnly? explainedOn, DateOnly today)
    {
        if (FinishedStatuses.Contains(status))
        {
            return Timeliness.Finished;
        }

        if (explainedOn is not null && promisedBy is null)
        {
            return Timeliness.Explained;
        }

        if ((promisedBy ?? dueOn) is not { } due)
        {
            return Timeliness.NoDeadline;
        }

        if (veryOverdueAfter is { } very && today > very && promisedBy is null)
        {
            return Timeliness.VeryOverdue;
        }

        return today > due ? Timeliness.Overdue : today == due ? Timeliness.DueToday : Timeliness.OnTime;
    }
}

/// <summary>What happened on an enquiry, in order: the enquiry's file.</summary>
public enum ActivityKind
{
    Logged,
    Routed,
    Assigned,
    Accepted,
    PassedOn,
    FileNote,
    HoldingReply,
    Response,
    WrittenConfirmation,
    BurdenRaised,
    BurdenAgreed,
    MovedToComplaints,
    Closed,
    Copied,
    MeetingArranged,
    ComplaintAnswered,
    ConsentEvidenceSought,
    ConsentEvidenceRecorded,
    ReleaseChecked,
    UrgencyDecided,
    UrgencyDisputed,
    BurdenDecided,
    Refused,

    /// <summary>The note given to the officer with an assignment: officers only.</summary>
    NoteToOfficer,
}

/// <summary>One entry in an enquiry's file.</summary>
public sealed class EnquiryActivity : Audit.IAuditedRow
{
    string Audit.IAuditedRow.AuditItemType => EnquiryAccess.Type;

    Guid Audit.IAuditedRow.AuditItemId => EnquiryId;

    public Guid Id { get; init; } = Common.OrderedIds.Next();
    public required Guid EnquiryId { get; init; }
    public required ActivityKind Kind { get; init; }
    public required DateTimeOffset At { get; init; }
    public required Guid ByAccountId { get; init; }
    public required string ByName { get; init; }
    public string? Body { get; init; }
    public string? Reason { get; init; }
    public string? ActionTaken { get; init; }
    public DateOnly? NewDeadline { get; init; }
    /// <summary>The officer it was assigned or passed to, or the member it was copied to.</summary>
    public Guid? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    /// <summary>The answer was given orally (phone, in person).</summary>
    public bool Oral { get; init; }
    /// <summary>Officers' working record (file notes, burden discussions): not shown to members.</summary>
    public bool Internal { get; init; }
    public string? Citation { get; init; }
}
