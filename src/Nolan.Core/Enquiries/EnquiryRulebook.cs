using Nolan.Core.Common;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>A deadline and the paragraph it comes from; <see cref="DueOn"/> null when the protocol sets none.</summary>
public sealed record DeadlineDecision(DateOnly? DueOn, DateOnly? VeryOverdueAfter, Citation Why, string Explanation);

/// <summary>Where a new enquiry goes, and why.</summary>
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

        return rule.Route == RoutingTarget.ServiceManager
            ? new RoutingDecision(null, null, true, why, $"No service manager could be identified, so the {hub} will route it.")
            : new RoutingDecision(null, null, true, why, $"Sent to the {hub}, which logs it and finds the right officer.");
    }

    /// <summary>A10: a constituent's personal data needs recorded consent evidence where the preset requires it.</summary>
    public static NolanError? CheckConstituentData(CouncilProtocol p, bool hasConstituentData, string? consentEvidence)
    {
        var rule = p.Version.Enquiries.ConstituentData;
        if (!hasConstituentData || rule.Silent || !rule.ConsentEvidenceRequired || !string.IsNullOrWhiteSpace(consentEvidence))
        {
            return null;
        }

        return ValidationFailed.For("ConsentEvidence",
            "Say what evidence of the constituent's consent you hold, for example a letter or email from them") with
        { Citation = p.Cite(rule) };
    }

    /// <summary>A2: a holding reply must carry what the preset demands (Southend 9.1.7: reason, action, new deadline).</summary>
    public static NolanError? CheckHoldingReply(CouncilProtocol p, string? reason, string? action, DateOnly? newDeadline, DateOnly today)
    {
        var rule = p.Version.Enquiries.HoldingReply;
        var errors = new Dictionary<string, List<string>>();
        var required = rule.Silent ? [] : rule.RequiredContent;
        if (required.Contains(HoldingReplyElement.Reason) && string.IsNullOrWhiteSpace(reason))
        {
            errors.AddError("Reason", "Enter the reason for the delay");
        }

        if (required.Contains(HoldingReplyElement.Action) && string.IsNullOrWhiteSpace(action))
        {
            errors.AddError("Action", "Enter what action is being taken to pursue the enquiry");
        }

        if (required.Contains(HoldingReplyElement.NewDeadline) && newDeadline is null)
        {
            errors.AddError("NewDeadline", "Enter the date by which a substantive response will be sent");
        }

        if (newDeadline is { } d && d <= today)
        {
            errors.AddError("NewDeadline", "The new deadline must be in the future");
        }

        if (string.IsNullOrWhiteSpace(reason) && string.IsNullOrWhiteSpace(action))
        {
            errors.AddError("Reason", "Enter what you are telling the member");
        }

        if (errors.Count == 0)
        {
            return null;
        }

        return rule.Silent ? ValidationFailed.For(errors) : ValidationFailed.For(errors) with { Citation = p.Cite(rule) };
    }

    /// <summary>A6: the complaints procedure the enquiry moves to, and its own deadline where the preset gives one.</summary>
    public static (string Route, DateOnly? DueOn, Citation Why) Complaint(CouncilProtocol p, DateOnly movedOn)
    {
        var rule = p.Version.Enquiries.Complaints;
        var route = rule.Silent ? "the council's complaints procedure" : rule.Route!;
        DateOnly? due = rule.DeadlineWorkingDays is { } days ? p.Calendar.AddWorkingDays(movedOn, days) : null;
        return (route, due, p.Cite(rule));
    }

    /// <summary>A12: whether an oral answer must be confirmed in writing before the enquiry can close.</summary>
    public static bool OralAnswersNeedWrittenConfirmation(CouncilProtocol p) =>
        p.Version.Enquiries.WrittenAnswers is { Silent: false, ConfirmOralInWriting: true };

}
