namespace Nolan.Core.DataProtection;

/// <summary>
/// How long Nolan keeps personal data, per kind of record (<c>Nolan:Retention:*</c>). Periods run from the day a record
/// stopped being needed for the work: an enquiry's from its closure (or its answer, when it was never closed), a
/// message's from its sending. What each kind removes, and what it keeps as the audited fact, is in docs/operations.md.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>
    /// Years after closure that a finished enquiry keeps its personal data (subject, details, consent evidence, reason
    /// for urgency and the text of every entry in its file). Default 6: the Limitation Act 1980 period within which a
    /// claim about the answer could be brought.
    /// </summary>
    public int ClosedEnquiryYears { get; set; } = 6;

    /// <summary>
    /// Years after closure that an enquiry marked as carrying a constituent's personal data keeps it (the same fields).
    /// Default 2: long enough for a follow-up or a complaint to the Ombudsman (12 months), no longer. The shorter of
    /// this and <see cref="ClosedEnquiryYears"/> applies.
    /// </summary>
    public int ConstituentDataYears { get; set; } = 2;

    /// <summary>
    /// Years after closure that officers' working entries (file notes, disproportionate-burden discussions, the note to
    /// the assigned officer) keep their text. Default 2.
    /// </summary>
    public int FileNoteYears { get; set; } = 2;

    /// <summary>
    /// Days after sending that a message's subject and body are kept (emails and GOV.UK Notify messages; in-app
    /// notifications are deleted). Default 90: long enough to answer "did you tell me?". Password-reset emails carry a
    /// sign-in link: their bodies are removed as soon as they are sent, whatever this says.
    /// </summary>
    public int SentMessageDays { get; set; } = 90;

    /// <summary>At most this many enquiries, and this many messages, are changed per kind in one run (bounds its cost).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Minutes between runs of the retention worker (default 60).</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem() =>
        ClosedEnquiryYears < 1 ? "Nolan:Retention:ClosedEnquiryYears must be at least 1"
        : ConstituentDataYears < 0 ? "Nolan:Retention:ConstituentDataYears must be 0 or more"
        : FileNoteYears < 0 ? "Nolan:Retention:FileNoteYears must be 0 or more"
        : SentMessageDays < 1 ? "Nolan:Retention:SentMessageDays must be at least 1"
        : BatchSize is < 1 or > 10_000 ? "Nolan:Retention:BatchSize must be between 1 and 10000"
        : IntervalMinutes < 1 ? "Nolan:Retention:IntervalMinutes must be at least 1"
        : null;
}
