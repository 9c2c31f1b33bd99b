namespace Nolan.Core.Enquiries;

/// <summary>GOV.UK display text for enquiry values.</summary>
public static class EnquiryText
{
    public static string Status(EnquiryStatus s) => s switch
    {
        EnquiryStatus.Open => "Open",
        EnquiryStatus.Assigned => "Assigned",
        EnquiryStatus.HoldingReplySent => "Holding reply sent",
        EnquiryStatus.Answered => "Answered",
        EnquiryStatus.Closed => "Closed",
        EnquiryStatus.MovedToComplaints => "Moved to complaints",
        EnquiryStatus.Refused => "Refused",
        _ => s.ToString(),
    };

    /// <summary>GOV.UK tag colour for a status (govuk-frontend 6 shows "blue" and "light-blue" as its default tag).</summary>
    public static string StatusColour(EnquiryStatus s) => s switch
    {
        EnquiryStatus.Open => "blue",
        EnquiryStatus.Assigned => "light-blue",
        EnquiryStatus.HoldingReplySent => "yellow",
        EnquiryStatus.Answered => "green",
        EnquiryStatus.MovedToComplaints => "purple",
        EnquiryStatus.Refused => "red",
        _ => "grey",
    };

    public static string Channel(EnquiryChannel c) => c switch
    {
        EnquiryChannel.Portal => "logged online by the member",
        EnquiryChannel.Email => "Email",
        EnquiryChannel.Phone => "Phone",
        EnquiryChannel.InPerson => "In person",
        _ => c.ToString(),
    };

    public static string Timeliness(Timeliness t) => t switch
    {
        Enquiries.Timeliness.NoDeadline => "No deadline",
        Enquiries.Timeliness.OnTime => "On time",
        Enquiries.Timeliness.DueToday => "Due today",
        Enquiries.Timeliness.Overdue => "Overdue",
        Enquiries.Timeliness.VeryOverdue => "Very overdue",
        Enquiries.Timeliness.Finished => "",
        Enquiries.Timeliness.Explained => "Explanation sent in time",
        _ => t.ToString(),
    };

    public static string Activity(ActivityKind k) => k switch
    {
        ActivityKind.Logged => "Enquiry logged",
        ActivityKind.Routed => "Routed",
        ActivityKind.Assigned => "Assigned",
        ActivityKind.Accepted => "Accepted",
        ActivityKind.PassedOn => "Passed to a colleague",
        ActivityKind.FileNote => "File note",
        ActivityKind.HoldingReply => "Holding reply",
        ActivityKind.Response => "Response",
        ActivityKind.WrittenConfirmation => "Written confirmation of an oral answer",
        ActivityKind.BurdenRaised => "Disproportionate burden raised",
        ActivityKind.BurdenAgreed => "Approach agreed",
        ActivityKind.MovedToComplaints => "Moved to the complaints procedure",
        ActivityKind.Closed => "Closed",
        ActivityKind.Copied => "Copied to a member",
        ActivityKind.MeetingArranged => "Meeting arranged",
        ActivityKind.ComplaintAnswered => "Complaint outcome",
        ActivityKind.ConsentEvidenceSought => "Consent evidence to be recorded",
        ActivityKind.ConsentEvidenceRecorded => "Consent evidence recorded",
        ActivityKind.ReleaseChecked => "Release of commercially sensitive information checked",
        ActivityKind.UrgencyDecided => "Urgency decided",
        ActivityKind.UrgencyDisputed => "Urgency disputed",
        ActivityKind.BurdenDecided => "Decided the information should be provided",
        ActivityKind.Refused => "Request refused",
        ActivityKind.NoteToOfficer => "Note for the officer",
        _ => k.ToString(),
    };
}
