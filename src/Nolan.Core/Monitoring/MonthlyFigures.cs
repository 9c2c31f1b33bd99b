using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Calendar;
using Nolan.Core.DataStore;
using Nolan.Core.Enquiries;
using Nolan.Core.Protocols;

namespace Nolan.Core.Monitoring;

/// <summary>What a row of monthly figures is about: the whole council, or one service, ward, officer or member of it.</summary>
public enum FigureDimension
{
    Council,
    Service,
    Ward,

    /// <summary>The officer who holds (or held, when it was answered) the enquiry.</summary>
    Officer,

    /// <summary>The member who raised it.</summary>
    Member,
}

/// <summary>
/// The figures of the enquiries a council received in one month (Europe/London), for the whole council or one service,
/// ward, officer or member: how many came in, and what has happened to them so far. Derived from the enquiries by
/// <see cref="MonthlyFigures"/> (never edited by hand, so not part of the audited state): a report reads a year of a
/// council in a few hundred rows, not its enquiries.
/// </summary>
public sealed class MonthlyFigure
{
    public required Guid CouncilId { get; init; }

    /// <summary>The first day of the month of receipt.</summary>
    public required DateOnly Month { get; init; }

    public required FigureDimension Dimension { get; init; }

    /// <summary>The council, service, ward, officer or member; <see cref="Guid.Empty"/> for "none" (no service, not yet assigned).</summary>
    public required Guid DimensionId { get; init; }

    public int Received { get; set; }

    /// <summary>Answered (a substantive response sent), whether or not later closed.</summary>
    public int Answered { get; set; }

    /// <summary>Answered, under a protocol that sets a deadline: the denominator of <see cref="AnsweredOnTime"/>.</summary>
    public int AnsweredWithDeadline { get; set; }

    /// <summary>Answered by the protocol's deadline (or an explanation sent by then where the protocol lets that meet it).</summary>
    public int AnsweredOnTime { get; set; }

    /// <summary>Enquiries that had at least one holding reply.</summary>
    public int HoldingReplies { get; set; }

    /// <summary>Answered after a holding reply that promised a date: the denominator of <see cref="HoldingKept"/>.</summary>
    public int AnsweredAfterPromise { get; set; }

    /// <summary>Answered by the date the latest holding reply promised.</summary>
    public int HoldingKept { get; set; }

    public int MovedToComplaints { get; set; }

    public int Refused { get; set; }

    /// <summary>Still owed a reply when the figures were computed.</summary>
    public int StillOpen { get; set; }

    /// <summary>Working days from receipt to answer, as <c>days:count</c> pairs (<c>3:5 4:2</c>): enough for a median over any months.</summary>
    public string AnswerDays { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>How far the figures have caught up with changes to enquiries.</summary>
public sealed class FiguresWatermark
{
    public required string Name { get; init; }

    /// <summary>Every enquiry changed before this is counted in the figures.</summary>
    public DateTimeOffset Through { get; set; }
}

/// <summary>
/// Keeps <see cref="MonthlyFigure"/> up to date: finds the council-months whose enquiries changed since the last run
/// (by the enquiries' <c>updated_at</c>, indexed), and recomputes each from that month's enquiries alone (by
/// <c>(council_id, received_at)</c>), replacing its rows in one transaction. Safe to run on several nodes at once (a
/// recomputation is idempotent) and after any gap: the first run builds every month.
/// <para>
/// A month is a cohort by date of receipt, so one enquiry counts in one month for its whole life and a later answer
/// updates the month it came in. The figures lag a change by at most one run (<c>Nolan:Monitoring:RefreshSeconds</c>);
/// what is open or overdue now is counted live by <see cref="MonitoringReports"/>.
/// </para>
/// </summary>
public sealed class MonthlyFigures(NolanDbContext db, ProtocolRegistry protocols, TimeProvider time)
{
    private const string Watermark = "monthly-figures";

    /// <summary>A change committed up to this long after it was stamped is still picked up by the next run.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>Recomputes every council-month changed since the last run; returns how many it recomputed.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct = default)
    {
        var startedAt = time.GetUtcNow();
        var mark = await db.Set<FiguresWatermark>().FirstOrDefaultAsync(w => w.Name == Watermark, ct);
        var since = mark is null ? DateTimeOffset.MinValue : (mark.Through - Overlap).ToUniversalTime();
        var changed = await db.Enquiries.AsNoTracking().Where(e => e.UpdatedAt >= since)
            .Select(e => new { e.CouncilId, e.ReceivedOn }).Distinct().ToListAsync(ct);
        var months = changed.Select(c => (c.CouncilId, Month: new DateOnly(c.ReceivedOn.Year, c.ReceivedOn.Month, 1))).Distinct().ToList();
        foreach (var (councilId, month) in months)
        {
            await RecomputeAsync(councilId, month, ct);
        }

        // Read again: each recomputation clears the change tracker.
        mark = await db.Set<FiguresWatermark>().FirstOrDefaultAsync(w => w.Name == Watermark, ct);
        if (mark is null)
        {
            db.Add(new FiguresWatermark { Name = Watermark, Through = startedAt });
        }
        else if (mark.Through < startedAt)
        {
            mark.Through = startedAt;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsRacingWrite(ex))
        {
            // Another node wrote the watermark first: its run covers the same changes.
            db.ChangeTracker.Clear();
        }
        return months.Count;
    }

    /// <summary>Replaces one council-month's rows with figures computed from its enquiries.</summary>
    public async Task RecomputeAsync(Guid councilId, DateOnly month, CancellationToken ct = default)
    {
        var start = LondonTime.StartOfDay(month).ToUniversalTime();
        var end = LondonTime.StartOfDay(month.AddMonths(1)).ToUniversalTime();
        var enquiries = await db.Enquiries.AsNoTracking()
            .Where(e => e.CouncilId == councilId && e.ReceivedAt >= start && e.ReceivedAt < end)
            .Select(e => new
            {
                e.Id,
                e.MemberId,
                e.ServiceId,
                e.WardId,
                e.AssignedOfficerId,
                e.Status,
                e.ReceivedOn,
                e.DueOn,
                e.PromisedBy,
                e.ExplainedOn,
                e.AnsweredAt,
            }).ToListAsync(ct);
        var ids = enquiries.Select(e => e.Id).ToList();
        var withHolding = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            withHolding.UnionWith(await db.EnquiryActivities.AsNoTracking()
                .Where(a => chunk.Contains(a.EnquiryId) && a.Kind == ActivityKind.HoldingReply)
                .Select(a => a.EnquiryId).Distinct().ToListAsync(ct));
        }

        var today = LondonTime.ToLocalDate(time.GetUtcNow());
        var calendar = (await protocols.ForAsync(db, councilId, today, ct)).Calendar;
        var now = Audit.AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        var rows = new Dictionary<(FigureDimension, Guid), (MonthlyFigure Row, SortedDictionary<int, int> Days)>();
        foreach (var e in enquiries)
        {
            var answeredOn = e.AnsweredAt is { } at ? LondonTime.ToLocalDate(at) : (DateOnly?)null;
            var holding = withHolding.Contains(e.Id) || e.PromisedBy is not null;
            foreach (var key in new[]
            {
                (FigureDimension.Council, councilId),
                (FigureDimension.Service, e.ServiceId ?? Guid.Empty),
                (FigureDimension.Ward, e.WardId ?? Guid.Empty),
                (FigureDimension.Officer, e.AssignedOfficerId ?? Guid.Empty),
                (FigureDimension.Member, e.MemberId),
            })
            {
                if (!rows.TryGetValue(key, out var r))
                {
                    r = (new MonthlyFigure { CouncilId = councilId, Month = month, Dimension = key.Item1, DimensionId = key.Item2, ComputedAt = now }, []);
                    rows[key] = r;
                }

                var f = r.Row;
                f.Received++;
                if (holding)
                {
                    f.HoldingReplies++;
                }

                if (answeredOn is { } answered)
                {
                    f.Answered++;
                    var days = calendar.WorkingDaysAfter(e.ReceivedOn, answered);
                    r.Days[days] = r.Days.GetValueOrDefault(days) + 1;
                    if (e.DueOn is { } due)
                    {
                        f.AnsweredWithDeadline++;
                        // An explanation sent in time meets the deadline where the protocol says so (West Oxfordshire
                        // para 29(a)); a later promised date then has to be kept.
                        var explained = e.ExplainedOn is { } x && x <= due && (e.PromisedBy is null || answered <= e.PromisedBy);
                        if (answered <= due || explained)
                        {
                            f.AnsweredOnTime++;
                        }
                    }

                    if (e.PromisedBy is { } promised)
                    {
                        f.AnsweredAfterPromise++;
                        if (answered <= promised)
                        {
                            f.HoldingKept++;
                        }
                    }
                }

                switch (e.Status)
                {
                    case EnquiryStatus.MovedToComplaints:
                        f.MovedToComplaints++;
                        break;
                    case EnquiryStatus.Refused:
                        f.Refused++;
                        break;
                    case EnquiryStatus.Open or EnquiryStatus.Assigned or EnquiryStatus.HoldingReplySent:
                        f.StillOpen++;
                        break;
                }
            }
        }

        foreach (var (row, days) in rows.Values)
        {
            row.AnswerDays = AnswerDaysText(days);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<MonthlyFigure>().Where(f => f.CouncilId == councilId && f.Month == month).ExecuteDeleteAsync(ct);
        db.AddRange(rows.Values.Select(r => r.Row));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary><c>3:5 4:2</c>.</summary>
    public static string AnswerDaysText(IEnumerable<KeyValuePair<int, int>> days) =>
        string.Join(' ', days.Where(d => d.Value > 0).OrderBy(d => d.Key).Select(d => $"{d.Key.ToString(CultureInfo.InvariantCulture)}:{d.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Adds a row's <c>days:count</c> pairs into <paramref name="into"/>.</summary>
    public static void AddAnswerDays(string text, SortedDictionary<int, int> into)
    {
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var day = int.Parse(pair.AsSpan(0, colon), CultureInfo.InvariantCulture);
            into[day] = into.GetValueOrDefault(day) + int.Parse(pair.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The median of a distribution of whole days (the lower middle value of an even count); null when empty.</summary>
    public static double? Median(SortedDictionary<int, int> days)
    {
        var n = days.Values.Sum();
        if (n == 0)
        {
            return null;
        }

        int? Nth(int k)
        {
            var seen = 0;
            foreach (var (day, count) in days)
            {
                seen += count;
                if (seen >= k)
                {
                    return day;
                }
            }

            return null;
        }

        return n % 2 == 1 ? Nth((n + 1) / 2) : (Nth(n / 2)!.Value + Nth((n / 2) + 1)!.Value) / 2.0;
    }
}
