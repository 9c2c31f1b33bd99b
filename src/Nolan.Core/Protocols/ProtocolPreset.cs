namespace Nolan.Core.Protocols;

/// <summary>
/// A council's Member/Officer Relations Protocol as data: one YAML file per council under <c>protocols/</c>.
/// Every value carries the paragraph it comes from, so every decision Nolan takes can say why.
/// </summary>
public sealed class ProtocolPreset
{
    /// <summary>The council this preset is for.</summary>
    public CouncilInfo Council { get; set; } = new();

    /// <summary>The protocol document the citations refer to.</summary>
    public SourceInfo Source { get; set; } = new();

    /// <summary>
    /// Slug of another preset whose protocol text this council shares (South Oxfordshire and Vale of White Horse
    /// have one joint protocol). When set, <see cref="Versions"/> must be empty and are taken from that preset.
    /// </summary>
    public string? SharesProtocolWith { get; set; }

    /// <summary>Versions of the protocol, oldest first. The version in force on the day of an event judges it.</summary>
    public List<ProtocolVersion> Versions { get; set; } = [];

    /// <summary>The file this preset was loaded from (set by the loader).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string FilePath { get; set; } = "";

    /// <summary>Line of <c>shares_protocol_with</c> in the file (set by the loader), so errors found later can name it.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    internal long SharesProtocolWithLine { get; set; } = 1;

    /// <summary>The version in force on <paramref name="date"/>: the latest whose <c>in_force_from</c> is on or before it.</summary>
    public ProtocolVersion VersionInForceOn(DateOnly date)
    {
        ProtocolVersion? found = null;
        foreach (var v in Versions)
        {
            if (v.InForceFrom <= date && (found is null || v.InForceFrom >= found.InForceFrom))
            {
                found = v;
            }
        }

        return found ?? Versions.OrderBy(v => v.InForceFrom).First();
    }

    /// <summary>Finds a version by its id.</summary>
    public ProtocolVersion? Version(string id) => Versions.FirstOrDefault(v => v.Id == id);
}

/// <summary>Identity of the council a preset is for.</summary>
public sealed class CouncilInfo
{
    /// <summary>URL-safe identifier, e.g. <c>southend-on-sea</c>. Unique across presets.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Full name, e.g. "Southend-on-Sea City Council".</summary>
    public string Name { get; set; } = "";

    /// <summary>Two to five capital letters used in enquiry references, e.g. <c>SOS</c>.</summary>
    public string ShortCode { get; set; } = "";

    /// <summary>What the council calls its central enquiry team, e.g. "Members Support Hub". Optional.</summary>
    public string? HubName { get; set; }

    /// <summary>
    /// Days the council has published as closed (beyond bank holidays in England and Wales), each with its source.
    /// Deadlines skip them. None unless the council publishes them: Nolan never assumes a Christmas closure.
    /// </summary>
    public List<PublishedClosureDay> ClosureDays { get; set; } = [];
}

/// <summary>A day the council's offices are closed, as the council published it.</summary>
public sealed class PublishedClosureDay
{
    public DateOnly Date { get; set; }

    /// <summary>Why, e.g. "Offices closed between Christmas and New Year".</summary>
    public string Reason { get; set; } = "";

    /// <summary>Where the council published it, e.g. a committee decision or the council's website.</summary>
    public string Source { get; set; } = "";
}

/// <summary>Where the protocol text comes from.</summary>
public sealed class SourceInfo
{
    public string Title { get; set; } = "";
    public string Document { get; set; } = "";
    public string? Notes { get; set; }
}

/// <summary>One version of a council's protocol.</summary>
public sealed class ProtocolVersion
{
    /// <summary>Short identifier recorded against every event judged under this version, e.g. <c>2025-updated</c>.</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>First day this version applies (Europe/London date).</summary>
    public DateOnly InForceFrom { get; set; }

    /// <summary>Where the in-force date comes from when the text itself does not give it.</summary>
    public string? InForceFromNote { get; set; }

    /// <summary>Members' enquiries (matrix section A).</summary>
    public EnquiryRules Enquiries { get; set; } = new();
}

/// <summary>
/// Where a rule's value comes from. <c>protocol</c>: the text says so at <c>para</c>. <c>council_policy</c>: the
/// protocol is silent and the council set the value by its own policy (must say so in <c>note</c>).
/// </summary>
public enum RuleBasis
{
    Protocol,
    CouncilPolicy,
}

/// <summary>How binding the protocol's wording is: it matters for enforcement (hard block or warning).</summary>
public enum RuleStrength
{
    Must,
    Should,
    Aim,
}

/// <summary>Common shape of every rule: silent, or a value with its paragraph and a short quote.</summary>
public abstract class Rule
{
    /// <summary>True when the protocol says nothing on the point. Nolan then invents nothing.</summary>
    public bool Silent { get; set; }

    public RuleBasis Basis { get; set; } = RuleBasis.Protocol;

    /// <summary>Paragraph as written in the protocol, e.g. <c>9.1.5</c> or <c>para 29(a)</c>.</summary>
    public string? Para { get; set; }

    /// <summary>Verbatim words from the protocol.</summary>
    public string? Quote { get; set; }

    /// <summary>Explanation for a silent rule or a council-policy value.</summary>
    public string? Note { get; set; }
}

/// <summary>Members' enquiry rules (matrix section A).</summary>
public sealed class EnquiryRules
{
    public DeadlineRule Deadline { get; set; } = new() { Silent = true };
    public VeryOverdueRule VeryOverdue { get; set; } = new() { Silent = true };
    public HoldingReplyRule HoldingReply { get; set; } = new() { Silent = true };
    public RoutingRule Routing { get; set; } = new() { Silent = true };
    public ComplaintsRule Complaints { get; set; } = new() { Silent = true };
    public FileNotesRule FileNotes { get; set; } = new() { Silent = true };
    public WrittenAnswersRule WrittenAnswers { get; set; } = new() { Silent = true };
    public PassingOnRule PassingOn { get; set; } = new() { Silent = true };
    public ConstituentDataRule ConstituentData { get; set; } = new() { Silent = true };
    public BurdenRule Burden { get; set; } = new() { Silent = true };
    public BurdenDecisionRule BurdenDecision { get; set; } = new() { Silent = true };
    public OutOfOfficeRule OutOfOffice { get; set; } = new() { Silent = true };
    public EscalationRule Escalation { get; set; } = new() { Silent = true };
    public PromisedDateRule PromisedDate { get; set; } = new() { Silent = true };
    public ThirdPartyInformationRule ThirdPartyInformation { get; set; } = new() { Silent = true };
    public CommerciallySensitiveRule CommerciallySensitive { get; set; } = new() { Silent = true };
    public UrgencyRule Urgency { get; set; } = new() { Silent = true };
    public PriorityRule Priority { get; set; } = new() { Silent = true };
}

/// <summary>Substantive response deadline (A1).</summary>
public sealed class DeadlineRule : Rule
{
    /// <summary>Working days from receipt (day of receipt is day 0).</summary>
    public int? WorkingDays { get; set; }

    public RuleStrength Strength { get; set; } = RuleStrength.Should;

    /// <summary>Non-numeric wording when there is no numeric deadline, e.g. "in a timely manner".</summary>
    public string? Wording { get; set; }
}

/// <summary>When an overdue enquiry becomes very overdue: working days after the due date.</summary>
public sealed class VeryOverdueRule : Rule
{
    public int? WorkingDaysAfterDue { get; set; }
}

/// <summary>What a holding (late) reply must contain (A2).</summary>
public sealed class HoldingReplyRule : Rule
{
    /// <summary>Elements the reply must carry: <c>reason</c>, <c>action</c>, <c>new_deadline</c>.</summary>
    public List<HoldingReplyElement> RequiredContent { get; set; } = [];

    public bool InWriting { get; set; }

    /// <summary>True when the explanation itself is due within the original deadline (West Oxfordshire para 29(a)).</summary>
    public bool DueWithinDeadline { get; set; }
}

public enum HoldingReplyElement
{
    Reason,
    Action,
    NewDeadline,
}

/// <summary>Who receives a new enquiry (A3).</summary>
public sealed class RoutingRule : Rule
{
    public RoutingTarget Route { get; set; } = RoutingTarget.Hub;

    /// <summary>Where an enquiry goes when no service is named or the service has no manager.</summary>
    public RoutingTarget Fallback { get; set; } = RoutingTarget.Hub;
}

public enum RoutingTarget
{
    /// <summary>The central team (Members Support Hub / Democratic Services / contact centre) triages it.</summary>
    Hub,

    /// <summary>The manager of the service it concerns ("Who does what").</summary>
    ServiceManager,
}

/// <summary>Enquiries that are really complaints (A6).</summary>
public sealed class ComplaintsRule : Rule
{
    /// <summary>Name of the procedure or team it goes to, e.g. "Complaints Procedure".</summary>
    public string? Route { get; set; }

    /// <summary>The complaints procedure's own deadline in working days, when the protocol gives one.</summary>
    public int? DeadlineWorkingDays { get; set; }
}

/// <summary>Records to keep (A7).</summary>
public sealed class FileNotesRule : Rule
{
    public bool Required { get; set; }
}

/// <summary>Written responses and written confirmation of oral answers (A12).</summary>
public sealed class WrittenAnswersRule : Rule
{
    public bool ConfirmOralInWriting { get; set; }
}

/// <summary>Telling the member who has their enquiry when it is passed on (002 16.7).</summary>
public sealed class PassingOnRule : Rule
{
    public bool TellMember { get; set; }
}

/// <summary>A constituent's personal data in an enquiry (A10).</summary>
public sealed class ConstituentDataRule : Rule
{
    public bool ConsentEvidenceRequired { get; set; }
}

/// <summary>Disproportionate burden (A5).</summary>
public sealed class BurdenRule : Rule
{
    /// <summary>
    /// Who the officer raises it with (each is told): <c>line_manager</c>, <c>service_manager</c>, <c>chief_officer</c>,
    /// <c>member</c>, <c>monitoring_officer</c>. Empty: the protocol names nobody.
    /// </summary>
    public List<BurdenParty> RaiseWith { get; set; } = [];

    /// <summary>Whether the request may be refused on this ground.</summary>
    public bool MayRefuse { get; set; }
}

/// <summary>
/// Who decides whether a disproportionate request is answered at all (Cambridge 9.6: "Where necessary, the Monitoring
/// Officer shall determine whether the information should be provided"). Silent where the protocol names nobody; if
/// the burden rule still allows refusal (<see cref="BurdenRule.MayRefuse"/>), Nolan refers the decision to the
/// Monitoring Officer and says so.
/// </summary>
public sealed class BurdenDecisionRule : Rule
{
    /// <summary>Who decides: <c>monitoring_officer</c>.</summary>
    public BurdenDecider By { get; set; } = BurdenDecider.MonitoringOfficer;
}

public enum BurdenDecider
{
    MonitoringOfficer,
}

/// <summary>The people a disproportionate burden is raised with.</summary>
public enum BurdenParty
{
    LineManager,
    ServiceManager,
    ChiefOfficer,
    Member,
    MonitoringOfficer,
}

/// <summary>Who answers for an enquiry that is very overdue (Southend 9.1.9, Cambridge 7.5).</summary>
public sealed class EscalationRule : Rule
{
    public EscalationTarget To { get; set; } = EscalationTarget.ChiefOfficer;
}

public enum EscalationTarget
{
    /// <summary>The Chief Officer (director) of the service, else the first up the assignee's line management.</summary>
    ChiefOfficer,
    MonitoringOfficer,
}

/// <summary>How far a holding reply may move the deadline (council policy: no seed protocol sets a limit).</summary>
public sealed class PromisedDateRule : Rule
{
    /// <summary>Where no limit is set: a promised date at most this many working days after the original due date.</summary>
    public const int DefaultMaxWorkingDaysAfterDue = 20;

    public int? MaxWorkingDaysAfterDue { get; set; }
}

/// <summary>Information given on behalf of a third party (A10, West Oxfordshire para 67: "only ... if it is in the public domain").</summary>
public sealed class ThirdPartyInformationRule : Rule
{
    /// <summary>A reply about a constituent may give only information that is in the public domain.</summary>
    public bool PublicDomainOnly { get; set; }
}

/// <summary>Commercially sensitive information (A11, 002 16.8): checked with a manager before it is released.</summary>
public sealed class CommerciallySensitiveRule : Rule
{
    /// <summary>Who checks it before release: today the assigned officer's line manager (<c>line_manager</c>).</summary>
    public ReleaseChecker CheckWith { get; set; } = ReleaseChecker.LineManager;
}

public enum ReleaseChecker
{
    /// <summary>The officer's line manager: the Service Manager or Executive Head of 002 16.8.</summary>
    LineManager,
}

/// <summary>
/// Urgency disputes (A8, South Oxfordshire and Vale para 30): whether an enquiry is urgent is the officer's to decide, and
/// a member who disputes it is referred to <see cref="DisputesTo"/>.
/// </summary>
public sealed class UrgencyRule : Rule
{
    /// <summary>Who decides a dispute about urgency.</summary>
    public UrgencyReferee DisputesTo { get; set; } = UrgencyReferee.DeputyChiefExecutive;
}

public enum UrgencyReferee
{
    /// <summary>The council's Deputy Chief Executive(s) (para 30 adds "or relevant statutory officer").</summary>
    DeputyChiefExecutive,
    MonitoringOfficer,
}

/// <summary>
/// Priority (A4): members should not seek to jump the queue (Southend 9.1.10, West Oxfordshire para 65, South
/// Oxfordshire and Vale para 75), or expect their queries always to take priority (Cambridge 7.5). Members are shown it
/// where they ask for an urgent response; the officer decides whether it is urgent.
/// </summary>
public sealed class PriorityRule : Rule
{
    /// <summary>The protocol asks members not to jump the queue (or not to expect priority over other work).</summary>
    public bool NoQueueJumping { get; set; }
}

/// <summary>Out-of-office cover (A9).</summary>
public sealed class OutOfOfficeRule : Rule
{
    /// <summary>Absences longer than this many working days need a named colleague.</summary>
    public int? CoverAfterWorkingDays { get; set; }

    /// <summary>Every absence, however short, names an alternative contact (Southend 9.1.6: "always").</summary>
    public bool AlternativeContactAlways { get; set; }
}
