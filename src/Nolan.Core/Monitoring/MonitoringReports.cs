using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;

namespace Nolan.Core.Monitoring;

/// <summary>Whose figures a dashboard shows.</summary>
public enum MonitoringView
{
    /// <summary>A whole council (or one service of it): for Democratic Services, the Monitoring Officer and the Chief Executive.</summary>
    Council,

    /// <summary>The enquiries held by the officers a manager line-manages.</summary>
    Team,

    /// <summary>The enquiries a member raised.</summary>
    Mine,
}

/// <summary>Figures over a set of enquiries and months; rates are null where nothing could be measured.</summary>
public sealed record FigureTotals(int Received, int Answered, int AnsweredWithDeadline, int AnsweredOnTime, int HoldingReplies,
    int AnsweredAfterPromise, int HoldingKept, int MovedToComplaints, int Refused, int StillOpen, double? MedianWorkingDays)
{
    public double? OnTimeRate => AnsweredWithDeadline == 0 ? null : (double)AnsweredOnTime / AnsweredWithDeadline;

    public double? KeptRate => AnsweredAfterPromise == 0 ? null : (double)HoldingKept / AnsweredAfterPromise;

    public static FigureTotals Of(IEnumerable<MonthlyFigure> rows)
    {
        var list = rows as IReadOnlyCollection<MonthlyFigure> ?? [.. rows];
        var days = new SortedDictionary<int, int>();
        foreach (var r in list)
        {
            MonthlyFigures.AddAnswerDays(r.AnswerDays, days);
        }

        return new FigureTotals(list.Sum(r => r.Received), list.Sum(r => r.Answered), list.Sum(r => r.AnsweredWithDeadline),
            list.Sum(r => r.AnsweredOnTime), list.Sum(r => r.HoldingReplies), list.Sum(r => r.AnsweredAfterPromise), list.Sum(r => r.HoldingKept),
            list.Sum(r => r.MovedToComplaints), list.Sum(r => r.Refused), list.Sum(r => r.StillOpen), MonthlyFigures.Median(days));
    }
}

public sealed record MonthFigures(DateOnly Month, FigureTotals Totals);

public sealed record BreakdownRow(Guid Id, string Name, FigureTotals Totals);

/// <summary>What is owed now, counted live from the enquiries still open.</summary>
public sealed record LiveFigures(int Open, int Overdue, int VeryOverdue);

public sealed record LiveRow(Guid Id, string Name, LiveFigures Figures);

/// <summary>The paragraphs the figures measure against.</summary>
public sealed record FigureCitations(Citation Deadline, string DeadlineText, Citation HoldingReply, Citation VeryOverdue, Citation Complaints);

/// <summary>A dashboard or report: the period's figures, month by month, broken down, and what is owed now.</summary>
public sealed record MonitoringDashboard(
    MonitoringView View,
    Guid CouncilId,
    string CouncilName,
    string ProtocolTitle,
    Guid? ServiceId,
    string? ServiceName,
    DateOnly FromMonth,
    DateOnly ToMonth,
    FigureTotals Period,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<BreakdownRow> ByService,
    IReadOnlyList<BreakdownRow> ByWard,
    IReadOnlyList<BreakdownRow> ByOfficer,
    LiveFigures Now,
    IReadOnlyList<LiveRow> NowByService,
    FigureCitations Why,
    DateTimeOffset? ComputedAt);

/// <summary>A dashboard the actor may open.</summary>
public sealed record MonitoringChoice(MonitoringView View, Guid CouncilId, string CouncilName);

/// <summary>
/// The monitoring dashboards and the quarterly report, read from <see cref="MonthlyFigure"/> (a year of a council is a
/// few hundred rows, whatever its history) and, for what is owed now, from the live enquiries alone.
/// <para>
/// Who sees what: a member sees the figures of the enquiries they raised; a line manager those of the enquiries their
/// team holds; Democratic Services (the Hub), the Monitoring Officer and the Chief Executive the whole council's. The
/// council-wide figures are counts and rates, never an enquiry: opening one still needs the item's own access rule,
/// which the lists apply (docs/access-model.md).
/// </para>
/// </summary>
public sealed class MonitoringReports(NolanDbContext db, ProtocolRegistry protocols, DirectoryCache directory, TimeProvider time)
{
    /// <summary>The roles that see a whole council's figures.</summary>
    public const OfficerRoles CouncilMonitors = OfficerRoles.MembersSupportHub | OfficerRoles.MonitoringOfficer | OfficerRoles.ChiefExecutive;

    private DateOnly Today => LondonTime.ToLocalDate(time.GetUtcNow());

    /// <summary>The dashboards the actor has: each council they monitor, their team's, their own.</summary>
    public async Task<IReadOnlyList<MonitoringChoice>> ChoicesAsync(Actor actor, CancellationToken ct = default)
    {
        var choices = new List<MonitoringChoice>();
        var names = await db.Councils.AsNoTracking().Where(c => actor.Councils.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        foreach (var (councilId, roles) in actor.OfficerCouncils)
        {
            if ((roles & CouncilMonitors) != 0)
            {
                choices.Add(new(MonitoringView.Council, councilId, names[councilId]));
            }
        }

        if (actor.ManagesOfficers && actor.OfficerCouncils.Count > 0)
        {
            var first = actor.OfficerCouncils.Keys.First();
            choices.Add(new(MonitoringView.Team, first, names[first]));
        }

        if (actor.Members.Count > 0)
        {
            choices.Add(new(MonitoringView.Mine, actor.Members[0].CouncilId, names[actor.Members[0].CouncilId]));
        }

        return choices;
    }

    /// <summary>
    /// The figures for the months <paramref name="from"/> to <paramref name="to"/> (first days, inclusive), of the
    /// council given (or the actor's first) for the council view; null when the actor does not have this view.
    /// </summary>
    public async Task<MonitoringDashboard?> DashboardAsync(Actor actor, MonitoringView view, Guid? councilId, Guid? serviceId,
        DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var choice = (await ChoicesAsync(actor, ct))
            .FirstOrDefault(c => c.View == view && (view != MonitoringView.Council || councilId is null || c.CouncilId == councilId));
        if (choice is null)
        {
            return null;
        }

        var council = choice.CouncilId;
        if (view != MonitoringView.Council)
        {
            serviceId = null;
        }

        var d = await directory.ForAsync(db, council, ct);
        if (serviceId is { } s && !d.Services.ContainsKey(s))
        {
            serviceId = null;
        }

        // The rows of the view: one dimension of one council (or the team's officers, or the member's seats).
        var figures = db.MonthlyFigures.AsNoTracking().Where(f => f.Month >= from && f.Month <= to);
        List<MonthlyFigure> main;
        List<MonthlyFigure> breakdown = [];
        Dictionary<Guid, string> officerNames = [];
        switch (view)
        {
            case MonitoringView.Council when serviceId is { } service:
                main = await figures.Where(f => f.CouncilId == council && f.Dimension == FigureDimension.Service && f.DimensionId == service).ToListAsync(ct);
                break;
            case MonitoringView.Council:
                var all = await figures.Where(f => f.CouncilId == council).ToListAsync(ct);
                main = [.. all.Where(f => f.Dimension == FigureDimension.Council)];
                breakdown = [.. all.Where(f => f.Dimension is FigureDimension.Service or FigureDimension.Ward or FigureDimension.Officer)];
                break;
            case MonitoringView.Team:
                var manager = actor.OfficerId!.Value;
                officerNames = await db.Officers.AsNoTracking().Where(o => o.LineManagerId == manager).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
                var team = officerNames.Keys.ToList();
                breakdown = await figures.Where(f => f.Dimension == FigureDimension.Officer && team.Contains(f.DimensionId)).ToListAsync(ct);
                main = breakdown;
                break;
            default:
                var seats = actor.MemberIds;
                main = await figures.Where(f => f.Dimension == FigureDimension.Member && seats.Contains(f.DimensionId)).ToListAsync(ct);
                break;
        }

        var months = new List<MonthFigures>();
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            var month = m;
            months.Add(new MonthFigures(month, FigureTotals.Of(main.Where(f => f.Month == month))));
        }

        if (view == MonitoringView.Council && serviceId is null)
        {
            officerNames = await NamesOfOfficersAsync(breakdown.Where(f => f.Dimension == FigureDimension.Officer).Select(f => f.DimensionId), ct);
        }

        IReadOnlyList<BreakdownRow> By(FigureDimension dim, Func<Guid, string> name) =>
            [.. breakdown.Where(f => f.Dimension == dim).GroupBy(f => f.DimensionId)
                .Select(g => new BreakdownRow(g.Key, name(g.Key), FigureTotals.Of(g)))
                .OrderByDescending(r => r.Totals.Received).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];

        var p = await protocols.ForAsync(db, council, Today, ct);
        var (now, nowByService) = await LiveAsync(actor, view, council, serviceId, d, ct);
        var deadline = EnquiryRulebook.Deadline(p, Today);
        return new MonitoringDashboard(view, council, choice.CouncilName, p.Version.Title, serviceId,
            serviceId is { } sid ? d.Services[sid].Name : null, from, to, FigureTotals.Of(main), months,
            By(FigureDimension.Service, id => id == Guid.Empty ? "No service given" : d.Services.TryGetValue(id, out var sv) ? sv.Name : "Another service"),
            By(FigureDimension.Ward, id => id == Guid.Empty ? "No ward given" : d.Wards.TryGetValue(id, out var w) ? w.Name : "Another ward"),
            By(FigureDimension.Officer, id => id == Guid.Empty ? "Not yet assigned" : officerNames.GetValueOrDefault(id, "Another officer")),
            now, nowByService,
            new FigureCitations(deadline.Why, deadline.Explanation, p.Cite(p.Version.Enquiries.HoldingReply), p.Cite(p.Version.Enquiries.VeryOverdue),
                p.Cite(p.Version.Enquiries.Complaints)),
            main.Count == 0 ? null : main.Max(f => f.ComputedAt));
    }

    private Task<Dictionary<Guid, string>> NamesOfOfficersAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Officers.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>Open, overdue and very overdue now, by the same rule as the lists (<see cref="Enquiry.TimelinessOf"/>), from the live enquiries only.</summary>
    private async Task<(LiveFigures, IReadOnlyList<LiveRow>)> LiveAsync(Actor actor, MonitoringView view, Guid councilId, Guid? serviceId,
        CouncilDirectorySnapshot d, CancellationToken ct)
    {
        var live = Enquiry.LiveStatuses;
        var now = time.GetUtcNow();
        var grants = view == MonitoringView.Council ? Kernel.ActorGrants.None : await EnquiryAccess.Rule.GrantsAsync(db, actor, now, ct);
        IQueryable<Enquiry> q = view switch
        {
            MonitoringView.Council => db.Enquiries.Where(e => e.CouncilId == councilId),
            MonitoringView.Team => db.Enquiries.Where(e => e.AssignedOfficer!.LineManagerId == actor.OfficerId).VisibleTo(db, actor, now, grants),
            _ when actor.MemberIds is [var only] => db.Enquiries.Where(e => e.MemberId == only).VisibleTo(db, actor, now, grants),
            _ => db.Enquiries.Where(e => actor.MemberIds.Contains(e.MemberId)).VisibleTo(db, actor, now, grants),
        };
        if (serviceId is { } s)
        {
            q = q.Where(e => e.ServiceId == s);
        }

        var rows = await q.Where(e => EF.Constant(live).Contains(e.Status)).AsNoTracking()
            .Select(e => new { e.ServiceId, e.Status, e.DueOn, e.PromisedBy, e.VeryOverdueAfter, e.ExplainedOn }).ToListAsync(ct);
        var today = Today;
        LiveFigures Count(IEnumerable<Timeliness> t)
        {
            var list = t.ToList();
            return new LiveFigures(list.Count, list.Count(x => x is Timeliness.Overdue or Timeliness.VeryOverdue), list.Count(x => x == Timeliness.VeryOverdue));
        }

        var judged = rows.Select(r => (r.ServiceId, T: Enquiry.TimelinessOf(r.Status, r.DueOn, r.PromisedBy, r.VeryOverdueAfter, r.ExplainedOn, today))).ToList();
        IReadOnlyList<LiveRow> byService = view == MonitoringView.Council
            ? [.. judged.GroupBy(j => j.ServiceId ?? Guid.Empty)
                .Select(g => new LiveRow(g.Key, g.Key == Guid.Empty ? "No service given" : d.Services.TryGetValue(g.Key, out var sv) ? sv.Name : "Another service",
                    Count(g.Select(x => x.T))))
                .OrderByDescending(r => r.Figures.Overdue).ThenByDescending(r => r.Figures.Open).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)]
            : [];
        return (Count(judged.Select(j => j.T)), byService);
    }

    /// <summary>The first day of the quarter holding <paramref name="day"/>.</summary>
    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
}
