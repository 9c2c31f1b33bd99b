using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>The officer's (and the member's copy) forms: one page, one form per action.</summary>
public sealed class ActionModel(EnquiryService enquiries, NolanDbContext db) : NolanPageModel
{
    public static readonly string[] Actions = ["respond", "holding-reply", "assign", "file-note", "burden", "agree-burden", "complaint", "complaint-outcome", "consent-evidence", "release-check", "urgency", "urgency-dispute", "copy", "meeting"];

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "action")]
    public string Act { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ActionTaken { get; set; }

    [BindProperty]
    public DateParts NewDeadline { get; set; } = new();

    [BindProperty]
    public bool Oral { get; set; }

    [BindProperty]
    public bool PublicDomain { get; set; }

    [BindProperty]
    public string? Urgent { get; set; }

    [BindProperty]
    public bool CommerciallySensitive { get; set; }

    [BindProperty]
    public string? PersonId { get; set; }

    [BindProperty]
    public DateParts MeetingDate { get; set; } = new();

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? EndTime { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    public EnquiryView Enquiry { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> UrgencyChoices { get; } = [new("Yes, it is urgent", "yes"), new("No, it is not urgent", "no")];

    public string Heading => Act switch
    {
        "respond" => Enquiry.Enquiry.AwaitingWrittenConfirmation ? "Confirm the answer in writing" : "Send the response",
        "holding-reply" => "Send a holding reply",
        "assign" => Enquiry.Enquiry.AssignedOfficerId is null ? "Assign to an officer" : "Pass to a colleague",
        "file-note" => "Add a file note",
        "burden" => "Raise a disproportionate burden",
        "agree-burden" => "Record an agreed approach",
        "complaint" => "Move to the complaints procedure",
        "complaint-outcome" => "Record the complaint\u2019s outcome",
        "consent-evidence" => "Record the constituent\u2019s consent",
        "release-check" => "Check the release of commercially sensitive information",
        "urgency" => "Decide whether it is urgent",
        "urgency-dispute" => "Dispute the urgency decision",
        "meeting" => "Arrange a meeting or site visit",
        _ => "Copy to another member",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        Version = Enquiry.Enquiry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
        {
            return stop;
        }

        var deadline = ReadOptionalDate(NewDeadline, nameof(NewDeadline), "The date must be a real date, for example 27 3 2026");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        DateTimeOffset? start = null, end = null;
        if (Act == "meeting")
        {
            (start, end) = ReadMeetingTimes();
            if (!ModelState.IsValid)
            {
                return Page();
            }
        }

        if (Act == "urgency" && Urgent is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Urgent), "Choose whether it is urgent");
            return Page();
        }

        Guid? person = null;
        if (Act is "assign" or "copy")
        {
            if (!Guid.TryParse(PersonId, out var p))
            {
                ModelState.AddModelError(nameof(PersonId), Act == "assign" ? "Choose an officer" : "Choose a member");
                return Page();
            }

            person = p;
        }

        var a = Actor;
        var id = Enquiry.Enquiry.Id;
        var result = Act switch
        {
            "respond" => await enquiries.RespondAsync(id, Version, new SendResponse(Text, Oral, PublicDomain, CommerciallySensitive), a, ct),
            "holding-reply" => await enquiries.SendHoldingReplyAsync(id, Version, new SendHoldingReply(Reason, ActionTaken, deadline, Oral), a, ct),
            "assign" => await enquiries.AssignAsync(id, Version, person!.Value, Text, a, ct),
            "file-note" => await enquiries.AddFileNoteAsync(id, Text, a, ct),
            "burden" => await enquiries.RaiseBurdenAsync(id, Text, a, ct),
            "agree-burden" => await enquiries.AgreeBurdenAsync(id, Version, new AgreeBurden(Text, deadline), a, ct),
            "complaint" => await enquiries.MoveToComplaintsAsync(id, Version, Reason, a, ct),
            "complaint-outcome" => await enquiries.RecordComplaintOutcomeAsync(id, Version, Text, a, ct),
            "consent-evidence" => await enquiries.RecordConsentEvidenceAsync(id, Text, a, ct),
            "release-check" => await enquiries.RecordReleaseCheckAsync(id, Version, Text, a, ct),
            "urgency" => await enquiries.DecideUrgencyAsync(id, Version, Urgent == "yes", Reason, a, ct),
            "urgency-dispute" => await enquiries.DisputeUrgencyAsync(id, Reason, a, ct),
            "meeting" => await enquiries.ArrangeMeetingAsync(id, new ArrangeMeeting(start, end, Location, Text), a, ct),
            _ => await enquiries.CopyToMemberAsync(id, person!.Value, a, ct),
        };
        if (result.IsSuccess)
        {
            Flash(Act switch
            {
                "respond" => "Response sent",
                "holding-reply" => "Holding reply sent",
                "assign" => "Enquiry assigned",
                "file-note" => "File note added",
                "burden" => "Disproportionate burden raised",
                "agree-burden" => "Agreed approach recorded",
                "complaint" => "Moved to the complaints procedure",
                "complaint-outcome" => "Complaint outcome recorded",
                "consent-evidence" => "Consent evidence recorded",
                "release-check" => "Release check recorded",
                "urgency" => "Urgency decided: the member can see your decision",
                "urgency-dispute" => "Your dispute has been referred",
                "meeting" => "Meeting arranged: the member has been sent an invitation",
                _ => "Enquiry copied",
            });
            return Redirect($"/enquiries/{id}");
        }

        var error = result.Error!;
        if (error.FieldErrors.Count > 0)
        {
            // Service field names to this form's field names.
            error = error with
            {
                FieldErrors = error.FieldErrors.ToDictionary(
                    f => f.Key switch
                    {
                        "Body" or "Approach" or "Note" => nameof(Text),
                        "Action" => nameof(ActionTaken),
                        "OfficerId" or "MemberId" => nameof(PersonId),
                        "Reason" when Act is "complaint" or "urgency" or "urgency-dispute" => nameof(Reason),
                        "Start" => nameof(StartTime),
                        "End" => nameof(EndTime),
                        _ => f.Key,
                    },
                    f => f.Value),
            };
        }

        if (ShowError(error) is { } notShown)
        {
            return notShown;
        }

        Response.StatusCode = error.Status;
        return Page();
    }

    /// <summary>The meeting's date and London start and end times, as instants; errors go to the form.</summary>
    private (DateTimeOffset? Start, DateTimeOffset? End) ReadMeetingTimes()
    {
        if (!MeetingDate.TryGetDate(out var day))
        {
            ModelState.AddModelError(nameof(MeetingDate), "Enter the date of the meeting, for example 27 3 2027");
        }

        var start = LondonTime.TryParseTimeOfDay(StartTime, out var s) ? s : (TimeOnly?)null;
        var end = LondonTime.TryParseTimeOfDay(EndTime, out var e) ? e : (TimeOnly?)null;
        if (start is null)
        {
            ModelState.AddModelError(nameof(StartTime), "Enter the start time, for example 2:30pm or 14:30");
        }

        if (end is null)
        {
            ModelState.AddModelError(nameof(EndTime), "Enter the end time, for example 3:30pm or 15:30");
        }

        return ModelState.IsValid ? (LondonTime.At(day, start!.Value), LondonTime.At(day, end!.Value)) : (null, null);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!Actions.Contains(Act))
        {
            return NotFound();
        }

        var result = await enquiries.GetAsync(Id, Actor, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Enquiry = result.Value!;
        var can = Enquiry.Can;
        var allowed = Act switch
        {
            "respond" => can.Respond,
            "holding-reply" => can.HoldingReply,
            "assign" => can.Assign,
            "file-note" => can.FileNote,
            "burden" => can.RaiseBurden,
            "agree-burden" => can.AgreeBurden,
            "complaint" => can.MoveToComplaints,
            "complaint-outcome" => can.RecordComplaintOutcome,
            "consent-evidence" => can.RecordConsentEvidence,
            "release-check" => can.RecordReleaseCheck && Enquiry.ReleaseCheckApplies,
            "urgency" => can.DecideUrgency,
            "urgency-dispute" => can.DisputeUrgency,
            "meeting" => can.ArrangeMeeting,
            _ => can.Copy,
        };
        if (!allowed)
        {
            return Forbid();
        }

        var councilId = Enquiry.Enquiry.CouncilId;
        if (Act == "assign")
        {
            People = await db.OfficerAppointments.AsNoTracking()
                .Where(x => x.CouncilId == councilId && x.Officer!.Active && x.OfficerId != Enquiry.Enquiry.AssignedOfficerId)
                .OrderBy(x => x.Officer!.Name)
                .Select(x => new SelectListItem(x.Officer!.Name + " (" + x.Officer.JobTitle + ")", x.OfficerId.ToString()))
                .ToListAsync(ct);
        }
        else if (Act == "copy")
        {
            People = await db.Members.AsNoTracking()
                .Where(m => m.CouncilId == councilId && m.Active && m.Id != Enquiry.Enquiry.MemberId)
                .OrderBy(m => m.Name).Select(m => new SelectListItem(m.Name, m.Id.ToString())).ToListAsync(ct);
        }

        return null;
    }
}
