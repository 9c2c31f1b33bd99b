using Nolan.Core.Common;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>A deadline and the paragraph it comes from; <see cref="DueOn"/> null when the protocol sets none.</summary>
public sealed record DeadlineDecision(DateOnly? DueOn, DateOnly? VeryOverdueAfter, Citation Why, string Explanation);

/// <summary>One rule as the "What our protocol says" page shows it: the rule functions' own words, and its source.</summary>
public sealed record RuleDescription(string Title, string Text, Rule Source);

/// <summary>Where a new enquiry goes, and why.</summary>
/// <summary>Who decides whether a disproportionate request is refused, and why that person.</summary>
public sealed record BurdenDecisionRoute(BurdenDecider By, Citation Why, string Explanation);

public sealed record RoutingDecision(Guid? OfficerId, string? OfficerName, bool ToHub, Citation Why, string Explanation);

/// <summary>
/// The members'-enquiry rules of a council's protocol (matrix section A) as small named functions: each reads the
/// preset, takes the situation, and returns a decision with its citation. Workflows call them; so does the
/// "what does our protocol say?" page.
/// </summary>
public static class EnquiryRulebook
{
    /// <summary>A1: the substantive-response deadline, counted in working days from the day of receipt (day 0).</summary>
    public static DeadlineDecision Deadline(CouncilProtocol p, DateOnly receivedOn)
    {
        var rule = p.Version.Enquiries.Deadline;
        var why = p.Cite(rule);
        if (rule.Silent || rule.WorkingDays is not { } days)
        {
            var wording = rule.Silent
                ? "Your protocol sets no deadline for replies to members' enquiries."
                : $"Your protocol sets no deadline in days: it asks for a reply {rule.Wording}.";
            return new DeadlineDecision(null, null, why, wording);
        }

        var due = p.Calendar.AddWorkingDays(receivedOn, days);
        var very = p.Version.Enquiries.VeryOverdue is { Silent: false, WorkingDaysAfterDue: { } extra }
            ? p.Calendar.AddWorkingDays(due, extra)
            : (DateOnly?)null;
        var strength = rule.Strength switch
        {
            RuleStrength.Must => "must",
            RuleStrength.Aim => "aim to",
            _ => "should",
        };
        return new DeadlineDecision(due, very, why,
            $"A substantive response {strength} be sent within {days} working days of receipt.");
    }

    /// <summary>A3: routing to the service's manager ("Who does what") or to the Hub for triage.</summary>
    public static RoutingDecision Route(CouncilProtocol p, Guid? serviceManagerId, string? serviceManagerName, string? serviceName)
    {
        var rule = p.Version.Enquiries.Routing;
        var why = p.Cite(rule);
        var hub = p.HubName;
        if (rule.Route == RoutingTarget.ServiceManager && serviceManagerId is { } officer)
        {
            return new RoutingDecision(officer, serviceManagerName, false, why,
                $"Sent to {serviceManagerName}, who manages {serviceName}.");
        }

        if (rule.Route == RoutingTarget.ServiceManager)
        {
            // The fallback (validated to be the Hub: nobody else can route an enquiry with no service manager).
            return new RoutingDecision(null, null, rule.Fallback == RoutingTarget.Hub, why,
                $"No service manager could be identified, so the {hub} will route it.");
        }

        return new RoutingDecision(null, null, true, why, $"Sent to the {hub}, which logs it and finds the right officer.");
    }

    /// <summary>
    /// A10 (002 16.7: evidence "should be sought"): whether the consent evidence is still to be recorded. The enquiry
    /// is logged all the same; what is held is the release of information (<see cref="CheckReleaseAllowed"/>).
    /// </summary>
    public static (bool Awaiting, Citation? Why) ConsentEvidenceOutstanding(CouncilProtocol p, bool hasConstituentData, string? consentEvidence)
    {
        var rule = p.Version.Enquiries.ConstituentData;
        return hasConstituentData && !rule.Silent && rule.ConsentEvidenceRequired && string.IsNullOrWhiteSpace(consentEvidence)
            ? (true, p.Cite(rule))
            : (false, null);
    }

    /// <summary>A10: a reply that releases a constituent's information waits for the consent evidence.</summary>
    public static NolanError? CheckReleaseAllowed(CouncilProtocol p, bool awaitingConsentEvidence) =>
        awaitingConsentEvidence
            ? new ProtocolRefused("The constituent's consent evidence has not been recorded yet: record it before the reply is sent. A holding reply can still be sent.",
                p.Cite(p.Version.Enquiries.ConstituentData))
            : null;

    /// <summary>
    /// A2: a holding reply must carry what the preset demands (Southend 9.1.7: reason, action, new deadline); where the
    /// protocol is silent it needs only to say something. A promised date is in the future and within
    /// <see cref="PromisedDateLimit"/>.
    /// </summary>
    public static NolanError? CheckHoldingReply(CouncilProtocol p, string? reason, string? action, DateOnly? newDeadline,
        DateOnly? dueOn, DateOnly today, bool oral = false)
    {
        var rule = p.Version.Enquiries.HoldingReply;
        if (oral && rule is { Silent: false, InWriting: true })
        {
            // Southend 9.1.7: "Officers must explain in writing".
            return ProtocolRefused.For("Oral", "Your protocol asks for the explanation in writing: send it through Nolan rather than recording a call", p.Cite(rule));
        }

        var demanded = new Dictionary<string, List<string>>();
        var required = rule.Silent ? [] : rule.RequiredContent;
        if (required.Contains(HoldingReplyElement.Reason) && string.IsNullOrWhiteSpace(reason))
        {
            demanded.AddError("Reason", "Enter the reason for the delay");
        }

        if (required.Contains(HoldingReplyElement.Action) && string.IsNullOrWhiteSpace(action))
        {
            demanded.AddError("Action", "Enter what action is being taken to pursue the enquiry");
        }

        if (required.Contains(HoldingReplyElement.NewDeadline) && newDeadline is null)
        {
            demanded.AddError("NewDeadline", "Enter the date by which a substantive response will be sent");
        }

        if (demanded.Count > 0)
        {
            return new ProtocolRefused(string.Join(" ", demanded.SelectMany(e => e.Value)), p.Cite(rule), demanded);
        }

        if (string.IsNullOrWhiteSpace(reason) && string.IsNullOrWhiteSpace(action) && newDeadline is null)
        {
            return ValidationFailed.For("Reason", "Enter what you are telling the member");
        }

        if (newDeadline is not { } d)
        {
            return null;
        }

        if (d <= today)
        {
            return ValidationFailed.For("NewDeadline", "The new deadline must be in the future");
        }

        var (latest, why, explanation) = PromisedDateLimit(p, dueOn, today);
        if (d > latest)
        {
            var message = $"The new deadline must be on or before {latest:d MMMM yyyy}. {explanation}";
            return why is null ? ValidationFailed.For("NewDeadline", message) : ProtocolRefused.For("NewDeadline", message, why);
        }

        return null;
    }

    /// <summary>A6: the complaints procedure the enquiry moves to, and its own deadline where the preset gives one.</summary>
    public static (string Route, DateOnly? DueOn, Citation Why) Complaint(CouncilProtocol p, DateOnly movedOn)
    {
        var rule = p.Version.Enquiries.Complaints;
        var route = rule.Silent ? "the council's complaints procedure" : rule.Route!;
        DateOnly? due = rule.DeadlineWorkingDays is { } days ? p.Calendar.AddWorkingDays(movedOn, days) : null;
        return (route, due, p.Cite(rule));
    }

    /// <summary>
    /// A2: the latest date a holding reply may promise. The preset's council limit where it sets one, otherwise Nolan's
    /// default; counted in working days from the original due date (from today when the protocol sets no deadline).
    /// </summary>
    public static (DateOnly Latest, Citation? Why, string Explanation) PromisedDateLimit(CouncilProtocol p, DateOnly? dueOn, DateOnly today)
    {
        var rule = p.Version.Enquiries.PromisedDate;
        var days = rule.Silent ? PromisedDateRule.DefaultMaxWorkingDaysAfterDue : rule.MaxWorkingDaysAfterDue!.Value;
        var from = dueOn is { } d && d > today ? d : today;
        var latest = p.Calendar.AddWorkingDays(from, days);
        var explanation = rule.Silent
            ? $"Your protocol sets no limit on a promised date; Nolan allows up to {days} working days after the {(dueOn is null ? "day it is sent" : "original due date")} (the council can set its own limit)."
            : $"The council allows a promised date up to {days} working days after the {(dueOn is null ? "day it is sent" : "original due date")}.";
        return (latest, rule.Silent ? null : p.Cite(rule), explanation);
    }

    /// <summary>
    /// A2 (West Oxfordshire para 29(a)): whether a holding reply sent on <paramref name="sentOn"/> meets the deadline
    /// itself, because the protocol lets an explanation within the period stand for the response.
    /// </summary>
    public static bool ExplanationMeetsDeadline(CouncilProtocol p, DateOnly? dueOn, DateOnly sentOn) =>
        p.Version.Enquiries.HoldingReply is { Silent: false, DueWithinDeadline: true } && dueOn is { } due && sentOn <= due;

    /// <summary>How many of the council's working days late an enquiry is, against the date that applies (0 when not late).</summary>
    public static int WorkingDaysOverdue(CouncilProtocol p, Timeliness timeliness, DateOnly? effectiveDue, DateOnly today) =>
        timeliness is Timeliness.Overdue or Timeliness.VeryOverdue && effectiveDue is { } due ? p.Calendar.WorkingDaysAfter(due, today) : 0;

    /// <summary>Passing on (002 16.7): whether the member is told who now has their enquiry.</summary>
    public static (bool Tell, Citation? Why) TellMemberWhenPassedOn(CouncilProtocol p) =>
        p.Version.Enquiries.PassingOn is { Silent: false, TellMember: true } rule ? (true, p.Cite(rule)) : (false, null);

    /// <summary>Who answers for a very overdue enquiry (Southend 9.1.9, Cambridge 7.5); null where the protocol names nobody.</summary>
    public static (EscalationTarget To, Citation Why)? Escalation(CouncilProtocol p) =>
        p.Version.Enquiries.Escalation is { Silent: false } rule ? (rule.To, p.Cite(rule)) : null;

    /// <summary>
    /// A5: who a disproportionate burden is raised with. Where the protocol names nobody, the officer's line manager is
    /// told (Nolan's default, so that it reaches someone) and the Monitoring Officer is named as the person to ask.
    /// </summary>
    public static (IReadOnlyList<BurdenParty> Parties, Citation? Why, string Explanation) BurdenRaisedWith(CouncilProtocol p)
    {
        var rule = p.Version.Enquiries.Burden;
        if (!rule.Silent && rule.RaiseWith.Count > 0)
        {
            var names = string.Join(" and ", rule.RaiseWith.Select(BurdenPartyName));
            return (rule.RaiseWith, p.Cite(rule), $"Raised with {names}, as the protocol says.");
        }

        return ([BurdenParty.LineManager], rule.Silent ? null : p.Cite(rule),
            "Your protocol names nobody to raise this with: your line manager has been told, and the Monitoring Officer can advise.");
    }

    /// <summary>
    /// A5: whether a disproportionate request may be refused, and who decides. The protocol's named decider where it
    /// has one (Cambridge 9.6: the Monitoring Officer "shall determine whether the information should be provided");
    /// where it allows refusal but names nobody (South Oxfordshire and Vale para 83, 002 16.1), the Monitoring Officer,
    /// and Nolan says that the protocol is silent on who; null where the protocol gives no power to refuse.
    /// </summary>
    public static BurdenDecisionRoute? BurdenDecision(CouncilProtocol p)
    {
        var e = p.Version.Enquiries;
        if (!e.BurdenDecision.Silent)
        {
            return new(e.BurdenDecision.By, p.Cite(e.BurdenDecision),
                $"Under your protocol {BurdenDeciderName(e.BurdenDecision.By)} decides whether the information should be provided.");
        }

        if (e.Burden is { Silent: false, MayRefuse: true })
        {
            return new(BurdenDecider.MonitoringOfficer, p.Cite(e.Burden),
                "Your protocol allows such a request to be refused but names nobody to decide, so the Monitoring Officer decides.");
        }

        return null;
    }

    /// <summary>The post that decides (the relationship in <see cref="EnquiryAccess"/> gives that post sight of a referral).</summary>
    public static CouncilDirectory.OfficerRoles RoleOf(BurdenDecider decider) => decider switch
    {
        BurdenDecider.MonitoringOfficer => CouncilDirectory.OfficerRoles.MonitoringOfficer,
        _ => throw new ArgumentOutOfRangeException(nameof(decider)),
    };

    public static string BurdenDeciderName(BurdenDecider decider) => decider switch
    {
        BurdenDecider.MonitoringOfficer => "the Monitoring Officer",
        _ => decider.ToString(),
    };

    /// <summary>
    /// A4: what a member asking for an urgent response is reminded of (no jumping the queue), with its paragraph; null
    /// where the protocol says nothing about priority.
    /// </summary>
    public static (string Guidance, Citation Why)? PriorityGuidance(CouncilProtocol p)
    {
        var rule = p.Version.Enquiries.Priority;
        return rule is { Silent: false, NoQueueJumping: true }
            ? ("Your council’s protocol asks members not to seek to jump the queue: officers balance members’ enquiries with their other work. Ask for urgency only where the matter is urgent.", p.Cite(rule))
            : null;
    }

    public static string BurdenPartyName(BurdenParty party) => party switch
    {
        BurdenParty.LineManager => "your line manager",
        BurdenParty.ServiceManager => "the service manager",
        BurdenParty.ChiefOfficer => "the Chief Officer",
        BurdenParty.Member => "the member",
        BurdenParty.MonitoringOfficer => "the Monitoring Officer",
        _ => party.ToString(),
    };

    /// <summary>
    /// A7 (002 16.6): where the protocol asks for file notes of conversations in which information was supplied, an
    /// enquiry answered orally cannot close until a file note records the conversation.
    /// </summary>
    public static NolanError? CheckFileNotesBeforeClosing(CouncilProtocol p, bool answeredOrally, bool hasFileNote)
    {
        var rule = p.Version.Enquiries.FileNotes;
        if (rule.Silent || !rule.Required || !answeredOrally || hasFileNote)
        {
            return null;
        }

        return new ProtocolRefused("Information was given in conversation: add a file note of the conversation before closing the enquiry.", p.Cite(rule));
    }

    /// <summary>
    /// Every members'-enquiry rule of the protocol version in plain English, in the words the rule functions above
    /// give the workflows (so the page cannot say one thing while Nolan does another). One entry per rule of
    /// <see cref="EnquiryRules"/>: a test checks none is left out.
    /// </summary>
    public static IReadOnlyList<RuleDescription> Describe(CouncilProtocol p, DateOnly today)
    {
        var e = p.Version.Enquiries;
        var deadline = Deadline(p, today);
        var (_, _, promised) = PromisedDateLimit(p, deadline.DueOn, today);
        var holding = e.HoldingReply.Silent
            ? "Your protocol says nothing about a late reply: it must simply tell the member something."
            : "A late reply must give " + string.Join(", ", e.HoldingReply.RequiredContent.Select(x => x switch
            {
                HoldingReplyElement.Reason => "the reason for the delay",
                HoldingReplyElement.Action => "the action being taken",
                _ => "a new deadline",
            })) + (e.HoldingReply.InWriting ? ", in writing." : ".")
            + (e.HoldingReply.DueWithinDeadline ? " Sent within the deadline, the explanation itself meets it." : "");
        var (tell, _) = TellMemberWhenPassedOn(p);
        var escalation = Escalation(p);
        var (_, _, burden) = BurdenRaisedWith(p);
        var complaint = Complaint(p, today);
        return
        [
            new("Response deadline", deadline.Explanation, e.Deadline),
            new("Very overdue", e.VeryOverdue.Silent ? "Your protocol sets no point at which an enquiry becomes very overdue."
                : $"Very overdue {e.VeryOverdue.WorkingDaysAfterDue} working days after the due date.", e.VeryOverdue),
            new("Who answers for a very overdue enquiry", escalation is { To: var to }
                ? $"It is escalated to {(to == EscalationTarget.ChiefOfficer ? "the Chief Officer responsible for the service" : "the Monitoring Officer")}."
                : "Your protocol names nobody: a very overdue enquiry is shown as such, and its officer and their line manager are reminded.", e.Escalation),
            new("A late (holding) reply", holding, e.HoldingReply),
            new("How far a promised date may move", promised, e.PromisedDate),
            new("New enquiries go to", e.Routing.Route == RoutingTarget.Hub
                ? $"The {p.HubName}, which logs it and finds the right officer."
                : $"The manager of the service it concerns (\u201cWho does what\u201d); where none can be found, the {p.HubName}.", e.Routing),
            new("Passing an enquiry on", tell ? "The member is told who now has their enquiry."
                : "Your protocol does not ask for the member to be told; they can see who has it on the enquiry.", e.PassingOn),
            new("Enquiries that are complaints", complaint.DueOn is not null
                ? $"They move to {complaint.Route}, answered within {e.Complaints.DeadlineWorkingDays} working days."
                : $"They move to {complaint.Route}; your protocol gives no deadline for the complaint.", e.Complaints),
            new("File notes", e.FileNotes is { Silent: false, Required: true }
                ? "A conversation in which information was given needs a file note before the enquiry can close."
                : "Your protocol asks for no file notes; officers may add them.", e.FileNotes),
            new("Oral answers", OralAnswersNeedWrittenConfirmation(p) ? "An oral answer must be confirmed in writing before the enquiry can close."
                : "No written confirmation of an oral answer is required.", e.WrittenAnswers),
            new("Constituents' personal data", e.ConstituentData.ConsentEvidenceRequired
                ? "An enquiry carrying a constituent's personal data records the evidence of their consent."
                : "No consent record is required.", e.ConstituentData),
            new("Disproportionate burden", burden, e.Burden),
            new("Refusing a disproportionate request", BurdenDecision(p) is { } decision
                ? decision.Explanation + " The officer asks for that decision when they raise the burden; a refused member is told why."
                : e.Burden.Silent ? "Your protocol says nothing about refusing a request: ask the Monitoring Officer."
                : "Your protocol gives no power to refuse: an alternative deadline or response is agreed instead.",
                e.BurdenDecision),
            new("Information for a third party", e.ThirdPartyInformation is { Silent: false, PublicDomainOnly: true }
                ? "A reply to an enquiry carrying a constituent's personal information may give only information in the public domain: the officer confirms it."
                : "Your protocol sets no further condition on information given on behalf of a constituent.", e.ThirdPartyInformation),
            new("Commercially sensitive information", ReleaseCheckApplies(p)
                ? "Checked with the officer's line manager, who records the check, before it is released."
                : "Your protocol asks for no check before commercially sensitive information is released.", e.CommerciallySensitive),
            new("Priority", PriorityGuidance(p) is { } priority
                ? priority.Guidance + " The officer decides whether an enquiry is urgent."
                : "Your protocol says nothing about the order in which enquiries are dealt with.", e.Priority),
            new("Urgency", UrgencyReferral(p).Explanation.Replace("the dispute is referred", "a member's dispute is referred", StringComparison.Ordinal)
                + " The officer handling the enquiry decides whether it is urgent.", e.Urgency),
            new("Out of office", e.OutOfOffice.Silent
                ? "Your protocol says nothing: an officer may name a colleague as an alternative contact, but enquiries are not redirected."
                : string.Join(" ", new[]
                {
                    e.OutOfOffice.CoverAfterWorkingDays is { } cover ? $"An officer away for more than {(cover == 1 ? "1 working day" : $"{cover} working days")} names a colleague, who receives their enquiries and reminders." : null,
                    e.OutOfOffice.AlternativeContactAlways ? "Every absence gives an alternative contact." : null,
                }.OfType<string>()), e.OutOfOffice),
        ];
    }

    /// <summary>
    /// A10 (West Oxfordshire para 67): a reply to an enquiry made on behalf of a third party gives only information in
    /// the public domain, so the officer confirms that it is before the reply is sent.
    /// </summary>
    public static NolanError? CheckThirdPartyInformation(CouncilProtocol p, bool hasConstituentData, bool confirmedPublicDomain)
    {
        var rule = p.Version.Enquiries.ThirdPartyInformation;
        return rule is { Silent: false, PublicDomainOnly: true } && hasConstituentData && !confirmedPublicDomain
            ? ProtocolRefused.For("PublicDomain",
                "Confirm that the information in this reply is in the public domain: your protocol allows nothing else to be given on behalf of a third party",
                p.Cite(rule))
            : null;
    }

    /// <summary>A11 (002 16.8): commercially sensitive information is checked with a manager before it is released.</summary>
    public static NolanError? CheckCommerciallySensitiveRelease(CouncilProtocol p, bool commerciallySensitive, bool releaseChecked)
    {
        var rule = p.Version.Enquiries.CommerciallySensitive;
        return !rule.Silent && commerciallySensitive && !releaseChecked
            ? ProtocolRefused.For("CommerciallySensitive",
                "Commercially sensitive information is checked with your line manager before it is released: ask them to record the check on the enquiry first",
                p.Cite(rule))
            : null;
    }

    /// <summary>Whether the protocol asks for a manager's check before commercially sensitive information is released.</summary>
    public static bool ReleaseCheckApplies(CouncilProtocol p) => p.Version.Enquiries.CommerciallySensitive is { Silent: false, CheckWith: ReleaseChecker.LineManager };

    /// <summary>
    /// A8 (South Oxfordshire and Vale para 30): who decides a member's dispute about urgency. Where the protocol is silent,
    /// Nolan says so and refers it to the Monitoring Officer rather than inventing a referee.
    /// </summary>
    public static (UrgencyReferee To, Citation? Why, string Explanation) UrgencyReferral(CouncilProtocol p)
    {
        var rule = p.Version.Enquiries.Urgency;
        if (rule.Silent)
        {
            return (UrgencyReferee.MonitoringOfficer, null,
                "Your protocol says nothing about disputes over urgency, so the dispute is referred to the Monitoring Officer.");
        }

        return (rule.DisputesTo, p.Cite(rule), rule.DisputesTo == UrgencyReferee.DeputyChiefExecutive
            ? "Referred to the Deputy Chief Executive, as the protocol says."
            : "Referred to the Monitoring Officer, as the protocol says.");
    }

    /// <summary>A12: whether an oral answer must be confirmed in writing before the enquiry can close.</summary>
    public static bool OralAnswersNeedWrittenConfirmation(CouncilProtocol p) =>
        p.Version.Enquiries.WrittenAnswers is { Silent: false, ConfirmOralInWriting: true };

}
