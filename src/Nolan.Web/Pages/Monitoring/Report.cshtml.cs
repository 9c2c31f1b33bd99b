using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Calendar;
using Nolan.Core.Monitoring;

namespace Nolan.Web.Pages.Monitoring;

/// <summary>
/// The quarterly monitoring report a Monitoring Officer takes to the Standards Committee: one council, one quarter,
/// each figure with the paragraph it measures; printable as a clean page, and as CSV (<see cref="ReportCsvModel"/>).
/// </summary>
public sealed partial class ReportModel(MonitoringReports reports, TimeProvider time) : NolanPageModel
{
    [FromQuery(Name = "council")]
    public Guid? CouncilId { get; set; }

    [FromQuery(Name = "quarter")]
    public string? Quarter { get; set; }

    public MonitoringDashboard Report { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Label)> Quarters { get; private set; } = [];

    public string QuarterText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (report, quarter, error) = await LoadAsync(reports, time, Actor, CouncilId, Quarter, ct);
        if (report is null)
        {
            return Forbid();
        }

        if (error is not null)
        {
            ModelState.AddModelError("quarter", error);
        }

        Report = report;
        QuarterText = quarter;
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var q = MonitoringReports.QuarterStart(today);
        Quarters = [.. Enumerable.Range(0, 8).Select(i => q.AddMonths(-3 * i)).Select(s => (Name(s), Label(s)))];
        return Page();
    }

    /// <summary>The report for a council and a quarter (<c>2026-Q3</c>; the last full quarter when absent or unreadable).</summary>
    internal static async Task<(MonitoringDashboard? Report, string Quarter, string? Error)> LoadAsync(MonitoringReports reports, TimeProvider time,
        Core.Access.Actor actor, Guid? councilId, string? quarter, CancellationToken ct)
    {
        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var start = MonitoringReports.QuarterStart(today).AddMonths(-3);
        string? error = null;
        if (!string.IsNullOrEmpty(quarter))
        {
            var m = QuarterPattern().Match(quarter);
            if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 2000 and <= 2999 and var year)
            {
                start = new DateOnly(year, ((int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 1) * 3) + 1, 1);
            }
            else
            {
                error = "Choose a quarter from the list, for example 2026-Q3";
            }
        }

        var report = await reports.DashboardAsync(actor, MonitoringView.Council, councilId, null, start, start.AddMonths(2), ct);
        return (report, Name(start), error);
    }

    /// <summary><c>2026-Q3</c>.</summary>
    public static string Name(DateOnly start) => $"{start.Year}-Q{((start.Month - 1) / 3) + 1}";

    /// <summary>"July to September 2026".</summary>
    public static string Label(DateOnly start) =>
        $"{start.ToString("MMMM", CultureInfo.InvariantCulture)} to {start.AddMonths(2).ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();
}
