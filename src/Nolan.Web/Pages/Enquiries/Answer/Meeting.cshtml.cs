using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Calendar;
using Nolan.Core.Common;
using Nolan.Core.Enquiries;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Enquiries.Answer;

/// <summary>A meeting or site visit with the member: both are sent a calendar invitation.</summary>
public sealed class MeetingModel(EnquiryService enquiries) : EnquiryActionPage(enquiries)
{
    [BindProperty]
    public DateParts MeetingDate { get; set; } = new();

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? EndTime { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public override EnquiryAction Step => EnquiryActions.Meeting;

    protected override string Done => "Meeting arranged: the member has been sent an invitation";

    protected override string FieldFor(string serviceField) => serviceField switch
    {
        "Start" => nameof(StartTime),
        "End" => nameof(EndTime),
        _ => serviceField,
    };

    protected override async Task<Result<Enquiry>?> SendAsync(Guid id, CancellationToken ct)
    {
        // The form asks for a London date and times of day; the command takes instants.
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

        if (!ModelState.IsValid)
        {
            return null;
        }

        return await Enquiries.ArrangeMeetingAsync(id, new ArrangeMeeting(LondonTime.At(day, start!.Value), LondonTime.At(day, end!.Value), Location, Note), Actor, ct);
    }
}
