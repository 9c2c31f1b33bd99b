using System.Reflection;
using System.Text;

namespace Nolan.Core.Notifications;

/// <summary>
/// A message's typed model: the template it fills and every value that template uses, as <c>required</c> properties,
/// so that a missing value is a compile error rather than a failure when the message is rendered. Each property fills
/// the placeholder of the same name in snake case (<c>Reference</c> fills <c>{{reference}}</c>); <c>{{name}}</c>,
/// <c>{{link}}</c> and <c>{{settings}}</c> are added by <see cref="Notifier"/>. <see cref="Samples"/> gives one of each
/// with sample values, for the template preview page and the test that every template is filled by its model.
/// </summary>
public abstract record Message
{
    /// <summary>Placeholders every message gets from the <see cref="Notifier"/>, not from its model.</summary>
    public static readonly IReadOnlySet<string> Standard = new HashSet<string>(StringComparer.Ordinal) { "name", "link", "settings" };

    /// <summary>The template key, e.g. <c>enquiry-logged</c>.</summary>
    public abstract string Template { get; }

    /// <summary>The values by placeholder name.</summary>
    public Dictionary<string, string> Values()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (placeholder, property) in Properties.GetOrAdd(GetType(), PlaceholdersOf))
        {
            values[placeholder] = (string?)property.GetValue(this) ?? "";
        }

        return values;
    }

    /// <summary>Each model's placeholders, found once per type (messages are made on the enquiry write path).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string, PropertyInfo)[]> Properties = new();

    private static (string, PropertyInfo)[] PlaceholdersOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(Template) && p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => (Placeholder(p.Name), p))];

    /// <summary>The placeholder a property fills: <c>WorkingDays</c> → <c>working_days</c>.</summary>
    public static string Placeholder(string property)
    {
        var b = new StringBuilder(property.Length + 4);
        for (var i = 0; i < property.Length; i++)
        {
            if (char.IsUpper(property[i]) && i > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(property[i]));
        }

        return b.ToString();
    }

    /// <summary>One message of every kind with sample values: what the preview page shows and the tests fill templates with.</summary>
    public static IReadOnlyList<Message> Samples(string councilName)
    {
        const string reference = "SOS-2611-AB12CD34";
        const string subject = "Overflowing bins on Church Road";
        const string member = "Councillor Sam Sample";
        const string officer = "Jo Officer";
        var at = councilName.Length > 0 ? $" at {councilName}" : "";
        return
        [
            new EnquiryLogged { Reference = reference, Subject = subject, Routing = $"Sent to Jo Officer, who manages Waste and recycling{at}.", Deadline = "A reply is due by 9 December 2026." },
            new EnquiryAssigned { Reference = reference, Subject = subject, Member = member, Deadline = "A substantive reply is due by 9 December 2026.", Note = "Note from the Members Support Hub: the resident has called twice." },
            new EnquiryPassedOn { Reference = reference, Subject = subject, Officer = officer },
            new EnquiryResponse { Reference = reference, Subject = subject, Officer = officer, Response = "The bins will be emptied on Thursday and the round has been checked." },
            new EnquiryHoldingReply { Reference = reference, Subject = subject, Officer = officer, Explanation = "Reason: a contractor's vehicle broke down. Action: a replacement round is booked. New deadline: 16 December 2026." },
            new EnquiryBurdenRaised { Reference = reference, Subject = subject, Officer = officer, Member = member, Reason = "The request covers ten years of records across three services." },
            new EnquiryBurdenMember { Reference = reference, Subject = subject, Officer = officer, Reason = "The request covers ten years of records across three services." },
            new EnquiryMovedToComplaints { Reference = reference, Subject = subject, Route = "the council's complaints procedure", Detail = "The council aims to respond by 21 December 2026." },
            new EnquiryCopied { Reference = reference, Subject = subject, Member = member },
            new EnquiryMeeting { Reference = reference, Subject = subject, Officer = officer, When = "9 December 2026, 2:30pm to 3:30pm", Location = "Outside 14 Church Road", Note = "Bring the photographs." },
            new DueSoon("enquiry") { Reference = reference, Subject = subject, Member = member, Due = "9 December 2026", Promised = "This is the date promised to the member.", Cover = "Jo Officer is away until 4 January 2027; Chris Colleague is covering." },
            new Overdue("enquiry") { Reference = reference, Subject = subject, Member = member, Due = "9 December 2026", Promised = "", Cover = "" },
            new OverdueManager("enquiry") { Reference = reference, Subject = subject, Member = member, Due = "9 December 2026", Officer = officer, Promised = "" },
            new VeryOverdue("enquiry") { Reference = reference, Subject = subject, Member = member, Due = "9 December 2026", Officer = officer, Why = "Protocol paragraph 9.1.9: \u201cThe Chief Executive, Deputy Chief Executives and Executive Directors are responsible for ensuring that Councillor enquiries are dealt with promptly and accurately by their Departments / service areas.\u201d" },
            new DueSoon("complaint") { Reference = reference, Subject = subject, Member = member, Due = "21 December 2026", Promised = "", Cover = "" },
            new Overdue("complaint") { Reference = reference, Subject = subject, Member = member, Due = "21 December 2026", Promised = "", Cover = "" },
            new EnquiryUrgencyDisputed { Reference = reference, Subject = subject, Member = member, Officer = officer, Reason = "The road is flooding tonight.", Why = "Protocol para 30: \u201cAny dispute as to urgency should be referred to the Deputy Chief Executive or relevant statutory officer.\u201d" },
            new EnquiryBurdenReferred { Reference = reference, Subject = subject, Officer = officer, Member = member, Reason = "The request covers ten years of records across three services.", Why = "Protocol paragraph 9.6: \u201cWhere necessary, the Monitoring Officer shall determine whether the information should be provided.\u201d" },
            new EnquiryBurdenDecided { Reference = reference, Subject = subject, DecidedBy = "Pat Monitoring", Outcome = "The information should be provided: please answer the enquiry.", Reason = "The records are held in one system and can be extracted in a day." },
            new EnquiryRefused { Reference = reference, Subject = subject, DecidedBy = "Pat Monitoring", Reason = "Collating ten years of records would take weeks of staff time for information of marginal benefit.", Why = "Protocol para 83: \u201cthe request for information may be refused.\u201d" },
            new PasswordResetRequested { Minutes = "60" },
            new DailyDigest { Count = "3 messages" },
            new MemberWeeklyDigest { Count = "3 open enquiries", Items = "- SOS-2611-AB12CD34: Overflowing bins on Church Road (with an officer, due by 9 December 2026, with Jo Officer)\n- SOS-2611-EF56GH78: Streetlight out on Mill Lane (holding reply sent, due by 16 December 2026)" },
        ];
    }
}

/// <summary>Every message about an enquiry names it.</summary>
public abstract record EnquiryMessage : Message
{
    public required string Reference { get; init; }

    public required string Subject { get; init; }
}

/// <summary>To the member: their enquiry was logged, where it went and when a reply is due.</summary>
public sealed record EnquiryLogged : EnquiryMessage
{
    public override string Template => "enquiry-logged";

    public required string Routing { get; init; }

    public required string Deadline { get; init; }
}

/// <summary>To the officer who now has an enquiry.</summary>
public sealed record EnquiryAssigned : EnquiryMessage
{
    public override string Template => "enquiry-assigned";

    public required string Member { get; init; }

    public required string Deadline { get; init; }

    public required string Note { get; init; }
}

/// <summary>To the member: who now has their enquiry (where the protocol asks for it).</summary>
public sealed record EnquiryPassedOn : EnquiryMessage
{
    public override string Template => "enquiry-passed-on";

    public required string Officer { get; init; }
}

public sealed record EnquiryResponse : EnquiryMessage
{
    public override string Template => "enquiry-response";

    public required string Officer { get; init; }

    public required string Response { get; init; }
}

public sealed record EnquiryHoldingReply : EnquiryMessage
{
    public override string Template => "enquiry-holding-reply";

    public required string Officer { get; init; }

    public required string Explanation { get; init; }
}

/// <summary>To the officers a disproportionate burden is raised with.</summary>
public sealed record EnquiryBurdenRaised : EnquiryMessage
{
    public override string Template => "enquiry-burden-raised";

    public required string Officer { get; init; }

    public required string Member { get; init; }

    public required string Reason { get; init; }
}

/// <summary>To the member, where the protocol asks for the burden to be discussed with them.</summary>
public sealed record EnquiryBurdenMember : EnquiryMessage
{
    public override string Template => "enquiry-burden-member";

    public required string Officer { get; init; }

    public required string Reason { get; init; }
}

public sealed record EnquiryMovedToComplaints : EnquiryMessage
{
    public override string Template => "enquiry-moved-to-complaints";

    public required string Route { get; init; }

    public required string Detail { get; init; }
}

public sealed record EnquiryCopied : EnquiryMessage
{
    public override string Template => "enquiry-copied";

    public required string Member { get; init; }
}

/// <summary>A meeting or site visit, sent with its calendar invitation.</summary>
public sealed record EnquiryMeeting : EnquiryMessage
{
    public override string Template => "enquiry-meeting";

    public required string Officer { get; init; }

    public required string When { get; init; }

    public required string Location { get; init; }

    public required string Note { get; init; }
}

/// <summary>
/// A duty's reminders. <c>family</c> is the capability's template family (<c>enquiry</c>, <c>complaint</c>): the
/// template is <c>{family}-due-soon</c> and so on.
/// </summary>
public abstract record DutyReminder : EnquiryMessage
{
    protected DutyReminder(string family) => Family = family;

    /// <summary>Not a placeholder: it picks the template.</summary>
    protected string Family { get; }

    public required string Member { get; init; }

    public required string Due { get; init; }
}

public sealed record DueSoon : DutyReminder
{
    public DueSoon(string family)
        : base(family)
    {
    }

    public override string Template => $"{Family}-due-soon";

    public required string Promised { get; init; }

    public required string Cover { get; init; }
}

public sealed record Overdue : DutyReminder
{
    public Overdue(string family)
        : base(family)
    {
    }

    public override string Template => $"{Family}-overdue";

    public required string Promised { get; init; }

    public required string Cover { get; init; }
}

public sealed record OverdueManager : DutyReminder
{
    public OverdueManager(string family)
        : base(family)
    {
    }

    public override string Template => $"{Family}-overdue-manager";

    public required string Officer { get; init; }

    public required string Promised { get; init; }
}

public sealed record VeryOverdue : DutyReminder
{
    public VeryOverdue(string family)
        : base(family)
    {
    }

    public override string Template => $"{Family}-very-overdue";

    public required string Officer { get; init; }

    /// <summary>The paragraph that makes the recipient answer for it.</summary>
    public required string Why { get; init; }
}

/// <summary>To whoever decides a dispute about urgency (para 30): they are given sight of the enquiry.</summary>
public sealed record EnquiryUrgencyDisputed : EnquiryMessage
{
    public override string Template => "enquiry-urgency-disputed";

    public required string Member { get; init; }

    public required string Officer { get; init; }

    public required string Reason { get; init; }

    public required string Why { get; init; }
}

/// <summary>To whoever decides whether a disproportionate request is answered (Cambridge 9.6): asked to decide.</summary>
public sealed record EnquiryBurdenReferred : EnquiryMessage
{
    public override string Template => "enquiry-burden-referred";

    public required string Officer { get; init; }

    public required string Member { get; init; }

    public required string Reason { get; init; }

    public required string Why { get; init; }
}

/// <summary>To the officer handling it: the decision on a referred burden.</summary>
public sealed record EnquiryBurdenDecided : EnquiryMessage
{
    public override string Template => "enquiry-burden-decided";

    public required string DecidedBy { get; init; }

    public required string Outcome { get; init; }

    public required string Reason { get; init; }
}

/// <summary>To the member: their request is refused as disproportionate, why, and under which paragraph.</summary>
public sealed record EnquiryRefused : EnquiryMessage
{
    public override string Template => "enquiry-refused";

    public required string DecidedBy { get; init; }

    public required string Reason { get; init; }

    public required string Why { get; init; }
}

/// <summary>To the account holder: a link to set a new password, valid for <see cref="Minutes"/> minutes, once.</summary>
public sealed record PasswordResetRequested : Message
{
    public const string Key = "password-reset";

    public override string Template => Key;

    public required string Minutes { get; init; }
}

/// <summary>The introduction of the daily digest (its items are the held messages themselves).</summary>
public sealed record DailyDigest : Message
{
    public override string Template => "daily-digest";

    public required string Count { get; init; }
}

public sealed record MemberWeeklyDigest : Message
{
    public override string Template => "member-weekly-digest";

    public required string Count { get; init; }

    public required string Items { get; init; }
}
