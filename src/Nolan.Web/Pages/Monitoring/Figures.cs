using System.Globalization;
using Nolan.Core.Monitoring;
using Nolan.Core.Protocols;

namespace Nolan.Web.Pages.Monitoring;

/// <summary>One figure of a report: its name, its value in words, and the paragraph (or policy) it measures against.</summary>
public sealed record FigureRow(string Key, string Name, string Value, string Source);

/// <summary>The figures of a period as the dashboard, the printed report and its CSV all word them.</summary>
public static class Figures
{
    public static IReadOnlyList<FigureRow> Rows(MonitoringDashboard d)
    {
        var t = d.Period;
        var w = d.Why;
        return
        [
            new("received", "Received", Count(t.Received), "All enquiries logged"),
            new("answered", "Answered", Count(t.Answered), "A substantive response sent"),
            new("on-time", "Answered on time", $"{Percent(t.OnTimeRate)} ({t.AnsweredOnTime} of {t.AnsweredWithDeadline})",
                $"The deadline, {Source(w.Deadline)}: {w.DeadlineText}"),
            new("median-days", "Median time to answer", Days(t.MedianWorkingDays), "Working days from receipt, in the council's calendar"),
            new("holding", "Had a holding reply", Count(t.HoldingReplies), $"Holding replies, {Source(w.HoldingReply)}"),
            new("kept", "Answered by the date a holding reply promised", $"{Percent(t.KeptRate)} ({t.HoldingKept} of {t.AnsweredAfterPromise})",
                $"Holding replies, {Source(w.HoldingReply)}"),
            new("complaints", "Moved to the complaints procedure", Count(t.MovedToComplaints), $"Complaints, {Source(w.Complaints)}"),
            new("refused", "Refused as a disproportionate request", Count(t.Refused), "A decision recorded under the protocol's burden rule"),
            new("still-open", "Still owed a reply", Count(t.StillOpen), $"The deadline, {Source(w.Deadline)}; very overdue, {Source(w.VeryOverdue)}"),
        ];
    }

    public static string Period(MonitoringDashboard d) =>
        d.FromMonth == d.ToMonth
            ? $"in {Month(d.FromMonth)}"
            : $"from {Month(d.FromMonth)} to {Month(d.ToMonth)}";

    public static string Month(DateOnly m) => m.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Percent(double? rate) => rate is { } r ? $"{Math.Round(r * 100, MidpointRounding.AwayFromZero):0}%" : "None yet";

    public static string Days(double? median) => median is { } m ? (m == 1 ? "1 working day" : $"{m.ToString("0.#", CultureInfo.InvariantCulture)} working days") : "None yet";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Where a yardstick comes from, in words: a paragraph, the council's own policy, or the protocol's silence.</summary>
    public static string Source(Citation c) => c.Basis == RuleBasis.CouncilPolicy
        ? "council policy (the protocol is silent)"
        : c.Paragraph is null ? "the protocol is silent" : c.ParagraphText;
}
