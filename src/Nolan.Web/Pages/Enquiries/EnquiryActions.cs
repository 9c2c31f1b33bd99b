using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>
/// One step an officer or member can take on an enquiry: its address, its title, and when it is offered. The enquiry
/// page lists these and each step's page takes its heading and its "may I" from the same entry, so a link and the page
/// it leads to cannot disagree.
/// </summary>
public sealed record EnquiryAction(string Slug, Func<EnquiryView, string> Title, Func<EnquiryView, bool> Available)
{
    public string Href(Guid id) => $"/enquiries/{id}/{Slug}";
}

/// <summary>Every step's entry, in the order the enquiry page offers them.</summary>
public static class EnquiryActions
{
    public static readonly EnquiryAction Respond = new("respond",
        v => v.Enquiry.AwaitingWrittenConfirmation ? "Confirm the answer in writing" : "Send the response", v => v.Can.Respond);

    public static readonly EnquiryAction HoldingReply = new("holding-reply", _ => "Send a holding reply", v => v.Can.HoldingReply);

    public static readonly EnquiryAction Assign = new("assign",
        v => v.Enquiry.AssignedOfficerId is null ? "Assign to an officer" : "Pass to a colleague", v => v.Can.Assign);

    public static readonly EnquiryAction FileNote = new("file-note", _ => "Add a file note", v => v.Can.FileNote);

    public static readonly EnquiryAction Meeting = new("meeting", _ => "Arrange a meeting or site visit", v => v.Can.ArrangeMeeting);

    public static readonly EnquiryAction RaiseBurden = new("burden", _ => "Raise a disproportionate burden", v => v.Can.RaiseBurden);

    public static readonly EnquiryAction AgreeBurden = new("agree-burden", _ => "Record an agreed approach", v => v.Can.AgreeBurden);

    public static readonly EnquiryAction DecideBurden = new("burden-decision",
        _ => "Decide whether the information should be provided", v => v.Can.DecideBurden);

    public static readonly EnquiryAction MoveToComplaints = new("complaint", _ => "Move to the complaints procedure", v => v.Can.MoveToComplaints);

    public static readonly EnquiryAction DecideUrgency = new("urgency", _ => "Decide whether it is urgent", v => v.Can.DecideUrgency);

    public static readonly EnquiryAction DisputeUrgency = new("urgency-dispute", _ => "Dispute the urgency decision", v => v.Can.DisputeUrgency);

    public static readonly EnquiryAction ReleaseCheck = new("release-check",
        _ => "Check the release of commercially sensitive information", v => v.Can.RecordReleaseCheck && v.ReleaseCheckApplies);

    public static readonly EnquiryAction ConsentEvidence = new("consent-evidence",
        _ => "Record the constituent\u2019s consent", v => v.Can.RecordConsentEvidence);

    public static readonly EnquiryAction ComplaintOutcome = new("complaint-outcome",
        _ => "Record the complaint\u2019s outcome", v => v.Can.RecordComplaintOutcome);

    public static readonly EnquiryAction Copy = new("copy", _ => "Copy to another member", v => v.Can.Copy);

    public static readonly EnquiryAction Close = new("close", _ => "Close the enquiry", v => v.Can.Close);

    public static readonly IReadOnlyList<EnquiryAction> All =
    [
        Respond, HoldingReply, Assign, FileNote, Meeting, RaiseBurden, AgreeBurden, DecideBurden, MoveToComplaints,
        DecideUrgency, DisputeUrgency, ReleaseCheck, ConsentEvidence, ComplaintOutcome, Copy, Close,
    ];
}
