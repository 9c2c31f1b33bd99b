using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;
using Nolan.Core.Monitoring;

namespace Nolan.Web.Pages.Monitoring;

/// <summary>
/// The monitoring dashboard: what is owed now, and the last 12 months (received, answered on time, median working days,
/// holding replies kept, moved to complaints), by month as charts with their tables, and by service, ward and officer.
/// </summary>
public sealed class IndexModel(MonitoringReports reports, EnquiryLists lists, TimeProvider time) : NolanPageModel
{
    [FromQuery(Name = "view")]
    public string? ViewName { get; set; }

    [FromQuery(Name = "council")]
    public Guid? CouncilId { get; set; }

    [FromQuery(Name = "service")]
    public Guid? ServiceId { get; set; }

    public IReadOnlyList<MonitoringChoice> Choices { get; private set; } = [];

    public MonitoringDashboard Dashboard { get; private set; } = null!;

    public IReadOnlyList<FilterOption> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var a = Actor;
        Choices = await reports.ChoicesAsync(a, ct);
        if (Choices.Count == 0)
        {
            return Forbid();
        }

        var view = ViewName switch
        {
            "council" => MonitoringView.Council,
            "team" => MonitoringView.Team,
            "mine" => MonitoringView.Mine,
            _ => Choices[0].View,
        };
        var choice = Choices.FirstOrDefault(c => c.View == view && (CouncilId is null || c.CouncilId == CouncilId));
        if (choice is null)
        {
            return Forbid();
        }

        var thisMonth = LondonTime.ToLocalDate(time.GetUtcNow());
        var to = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var dashboard = await reports.DashboardAsync(a, choice.View, choice.CouncilId, ServiceId, to.AddMonths(-11), to, ct);
        if (dashboard is null)
        {
            return Forbid();
        }

        Dashboard = dashboard;
        if (choice.View == MonitoringView.Council)
        {
            Services = (await lists.OptionsAsync(a, EnquiryScope.Council, ct)).Services;
        }

        return Page();
    }

    public static string MonthLabel(DateOnly m) => m.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture);

    public string ViewLink(MonitoringChoice c) => $"/monitoring?view={c.View.ToString().ToLowerInvariant()}&council={c.CouncilId}";

    public static string ViewTitle(MonitoringChoice c) => c.View switch
    {
        MonitoringView.Council => c.CouncilName,
        MonitoringView.Team => "My team",
        _ => "My enquiries",
    };

    public bool MayOpenReport => Dashboard.View == MonitoringView.Council;

    public static bool IsHub(Core.Access.Actor a, Guid councilId) => a.Has(councilId, OfficerRoles.MembersSupportHub);
}
