using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Core.Protocols;

namespace Nolan.Core.Enquiries;

/// <summary>Lateness filters a caseload list offers, judged as the enquiry page judges them (<see cref="Enquiry.TimelinessOf"/>).</summary>
public enum DueFilter
{
    Any,

    /// <summary>Past its due date (or the date a holding reply promised), very overdue ones included.</summary>
    Overdue,

    /// <summary>Past the protocol's "very overdue" point with no later date promised.</summary>
    VeryOverdue,

    /// <summary>Due today or in the next six days.</summary>
    DueThisWeek,
}

/// <summary>How a list is ordered.</summary>
public enum EnquirySort
{
    /// <summary>The date a reply is owed, soonest (so the most overdue) first; enquiries with no deadline last.</summary>
    Due,
    Newest,
    Oldest,

    /// <summary>Where each is in its life (new, with an officer, holding reply sent, finished), newest first within each.</summary>
    Status,
}

/// <summary>What one list asks for: which list, then the filters, the search, the order and the page.</summary>
public sealed record EnquiryListQuery
{
    public EnquiryScope Scope { get; init; }

    public StageFilter Stage { get; init; } = StageFilter.Live;

    /// <summary>Matches a reference exactly, or any part of the subject or the member's, ward's, service's or officer's name.</summary>
    public string? Text { get; init; }

    public EnquiryStatus? Status { get; init; }

    public DueFilter Due { get; init; }

    public Guid? WardId { get; init; }

    public Guid? ServiceId { get; init; }

    public Guid? OfficerId { get; init; }

    /// <summary>Received on or after this day (Europe/London).</summary>
    public DateOnly? ReceivedFrom { get; init; }

    /// <summary>Received on or before this day (Europe/London).</summary>
    public DateOnly? ReceivedTo { get; init; }

    public EnquirySort Sort { get; init; } = EnquirySort.Newest;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = EnquiryLists.DefaultPageSize;
}

/// <summary>A choice a list's filter offers: a ward, service or officer the viewer's lists can hold.</summary>
public sealed record FilterOption(Guid Id, string Name);

/// <summary>The choices for a list's filters.</summary>
public sealed record EnquiryListOptions(IReadOnlyList<FilterOption> Wards, IReadOnlyList<FilterOption> Services, IReadOnlyList<FilterOption> Officers);

/// <summary>
/// The caseload lists (mine, assigned to me, my team, the Hub's triage queue and the council's enquiries), their
/// search, filters, order, total and pages, and the CSV of exactly what the filters select. Every list is narrowed by the
/// one access rule (<see cref="EnquiryAccess"/>) on top of its scope, so a search, a count or an export never reaches an
/// enquiry the viewer could not open.
/// <para>
/// Cost follows the page, not the history: each scope is served by an index that starts with its own key (the member,
/// the officer, the council) and carries the order, and "my enquiries" (own UNION ALL copied) takes at most
/// <c>page × size</c> rows from each branch before the two are merged, so a member with 20,000 enquiries reads no more
/// rows for page 1 than a member with 20.
/// </para>
/// </summary>
public sealed partial class EnquiryLists(NolanDbContext db, ProtocolRegistry protocols, DirectoryCache directory, TimeProvider time)
{
    public const int DefaultPageSize = 25;

    public const int MaxPageSize = 100;

    /// <summary>
    /// Counting stops here: a total beyond it reads "more than 1,000", so a count costs at most this many index entries
    /// however long a member's history (filters narrow a list further than paging 40 pages would).
    /// </summary>
    public const int CountCap = 1000;

    /// <summary>The longest search text accepted.</summary>
    public const int TextMax = 200;

    private DateTimeOffset Now => AuditLog.TruncateToMicroseconds(time.GetUtcNow());

    /// <summary>Whether the actor has this list at all (a member has "mine", an officer "assigned to me", the Hub the rest).</summary>
    public static bool Offers(Actor actor, EnquiryScope scope) => scope switch
    {
        EnquiryScope.Mine => actor.IsMember,
        EnquiryScope.AssignedToMe or EnquiryScope.Team => actor.IsOfficer,
        EnquiryScope.Triage or EnquiryScope.Council => actor.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0,
        _ => false,
    };

    /// <summary>One page of a list, with the total the filters select.</summary>
    public async Task<EnquiryPage> ListAsync(Actor actor, EnquiryListQuery query, CancellationToken ct = default)
    {
        var now = Now;
        var today = LondonTime.ToLocalDate(now);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var branches = Branches(actor, await EnquiryAccess.Rule.GrantsAsync(db, actor, now, ct), query, today, now);

        // One statement for the count of every branch: UNION ALL under a LIMIT stops reading at the cap.
        var total = await branches.Aggregate((a, b) => a.Concat(b)).Take(CountCap + 1).CountAsync(ct);

        var exact = total <= CountCap;
        total = Math.Min(total, CountCap);

        // A page past the end shows the last page rather than nothing.
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = exact ? Math.Clamp(query.Page, 1, pages) : Math.Max(1, query.Page);
        var skip = (page - 1) * size;
        IQueryable<Enquiry> rows;
        if (branches.Count == 1)
        {
            rows = Ordered(branches[0], query.Sort).Skip(skip).Take(size);
        }
        else
        {
            // A LIMIT inside each branch: no branch can contribute more than skip + size rows to this page.
            var merged = branches.Select(b => Ordered(b, query.Sort).Take(skip + size)).Aggregate((a, b) => a.Concat(b));
            rows = Ordered(merged, query.Sort).Skip(skip).Take(size);
        }

        var items = await SummariesAsync(actor, Project(rows), today, ct).ToListAsync(ct);
        return new EnquiryPage(items, page, size, total, exact);
    }

    /// <summary>Every enquiry the filters select, in the list's order, read as it is written out (for the CSV).</summary>
    public async IAsyncEnumerable<EnquirySummary> ExportAsync(Actor actor, EnquiryListQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var now = Now;
        var today = LondonTime.ToLocalDate(now);
        var all = Branches(actor, await EnquiryAccess.Rule.GrantsAsync(db, actor, now, ct), query, today, now).Aggregate((a, b) => a.Concat(b));
        await foreach (var s in SummariesAsync(actor, Project(Ordered(all, query.Sort)), today, ct).WithCancellation(ct))
        {
            yield return s;
        }
    }

    /// <summary>The wards, services and (on a team list) officers the viewer's filters offer.</summary>
    public async Task<EnquiryListOptions> OptionsAsync(Actor actor, EnquiryScope scope, CancellationToken ct = default)
    {
        var wards = new List<FilterOption>();
        var services = new List<FilterOption>();
        foreach (var councilId in actor.Councils)
        {
            var d = await directory.ForAsync(db, councilId, ct);
            wards.AddRange(d.Wards.Values.Select(w => new FilterOption(w.Id, w.Name)));
            services.AddRange(d.Services.Values.Select(s => new FilterOption(s.Id, s.Name)));
        }

        List<FilterOption> officers = [];
        if (scope == EnquiryScope.Team && actor.OfficerId is { } manager)
        {
            officers = await db.Officers.AsNoTracking().Where(o => o.LineManagerId == manager).OrderBy(o => o.Name)
                .Select(o => new FilterOption(o.Id, o.Name)).ToListAsync(ct);
        }

        return new EnquiryListOptions(
            [.. wards.OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase)],
            [.. services.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)],
            officers);
    }

    /// <summary>The list's scope, each branch narrowed by its own index, then by the access rule and the filters.</summary>
    private List<IQueryable<Enquiry>> Branches(Actor actor, Kernel.ActorGrants grants, EnquiryListQuery query, DateOnly today, DateTimeOffset now)
    {
        List<IQueryable<Enquiry>> branches;
        switch (query.Scope)
        {
            case EnquiryScope.Mine:
                // Own enquiries UNION ALL those copied to the member, each side served by its own index
                // ((member_id, received_at) and the grants' (member_id, ...)). An OR with a grants sub-query cannot use
                // either, and made PostgreSQL walk every enquiry (7 s at 100k rows).
                var memberIds = actor.MemberIds;
                var copiedIds = db.AccessGrants
                    .Where(g => g.ResourceType == EnquiryAccess.Type && g.Effect == GrantEffect.Allow
                        && g.MemberId != null && memberIds.Contains(g.MemberId.Value))
                    .Select(g => g.ResourceId);
                var own = memberIds.Count == 1
                    ? db.Enquiries.Where(e => e.MemberId == memberIds[0])
                    : db.Enquiries.Where(e => memberIds.Contains(e.MemberId));
                branches = [own, db.Enquiries.Where(e => copiedIds.Contains(e.Id) && !memberIds.Contains(e.MemberId))];
                break;
            case EnquiryScope.AssignedToMe:
                var me = actor.OfficerId ?? Guid.Empty;
                branches = [db.Enquiries.Where(e => e.AssignedOfficerId == me)];
                break;
            case EnquiryScope.Team:
                var manager = actor.OfficerId ?? Guid.Empty;
                branches = [db.Enquiries.Where(e => e.AssignedOfficer!.LineManagerId == manager)];
                break;
            case EnquiryScope.Triage:
                branches = [InCouncils(actor.CouncilsWhere(OfficerRoles.MembersSupportHub)).Where(e => e.Status == EnquiryStatus.Open)];
                break;
            case EnquiryScope.Council:
                branches = [InCouncils(actor.CouncilsWhere(OfficerRoles.MembersSupportHub))];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Scope, "Not a list.");
        }

        // What a list may show is still the one access rule: a Deny grant hides an item from every list, search, count
        // and export as it does from the single read.
        return [.. branches.Select(b => Filtered(b.VisibleTo(db, actor, now, grants), actor, query, today))];
    }

    /// <summary>
    /// The enquiries of these councils: one council by equality, so that PostgreSQL reads <c>(council_id, received_at)</c>
    /// in order and stops at the page (with <c>= ANY(array)</c> it sorted the council's every enquiry: 62 ms at 22,000).
    /// </summary>
    private IQueryable<Enquiry> InCouncils(IReadOnlyList<Guid> councils)
    {
        if (councils.Count == 1)
        {
            var council = councils[0];
            return db.Enquiries.Where(e => e.CouncilId == council);
        }

        return db.Enquiries.Where(e => councils.Contains(e.CouncilId));
    }

    /// <summary>SOS-2026-4F7K2QXM, N001-2026-00000001: a council's code, the year, the rest.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9]{1,8}-\d{4}-[A-Za-z0-9]{4,12}$")]
    private static partial Regex ReferenceShape();

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private IQueryable<Enquiry> Filtered(IQueryable<Enquiry> q, Actor actor, EnquiryListQuery f, DateOnly today)
    {
        // The stages as constants in the SQL (status IN ('Open', ...)), not an array parameter: with a prepared
        // statement's generic plan, PostgreSQL can then still pick (member_id, status, ...) and read only the live rows.
        var live = Enquiry.LiveStatuses;
        var finished = Enquiry.FinishedStatuses;
        q = f.Stage switch
        {
            StageFilter.Live => q.Where(e => EF.Constant(live).Contains(e.Status)),
            StageFilter.Finished => q.Where(e => EF.Constant(finished).Contains(e.Status)),
            _ => q,
        };
        if (f.Status is { } status)
        {
            q = q.Where(e => e.Status == status);
        }

        // The same reading of lateness as Enquiry.TimelinessOf: an explanation sent in time with no date promised is
        // not late; a promised date replaces the original and ends "very overdue".
        var weekEnd = today.AddDays(6);
        q = f.Due switch
        {
            DueFilter.Overdue => q.Where(e => EF.Constant(live).Contains(e.Status) && !(e.ExplainedOn != null && e.PromisedBy == null)
                && (e.PromisedBy ?? e.DueOn) < today),
            DueFilter.VeryOverdue => q.Where(e => EF.Constant(live).Contains(e.Status) && e.ExplainedOn == null && e.PromisedBy == null
                && e.VeryOverdueAfter < today),
            DueFilter.DueThisWeek => q.Where(e => EF.Constant(live).Contains(e.Status) && !(e.ExplainedOn != null && e.PromisedBy == null)
                && (e.PromisedBy ?? e.DueOn) >= today && (e.PromisedBy ?? e.DueOn) <= weekEnd),
            _ => q,
        };
        if (f.WardId is { } ward)
        {
            q = q.Where(e => e.WardId == ward);
        }

        if (f.ServiceId is { } service)
        {
            q = q.Where(e => e.ServiceId == service);
        }

        if (f.OfficerId is { } officer)
        {
            q = q.Where(e => e.AssignedOfficerId == officer);
        }

        if (f.ReceivedFrom is { } from)
        {
            var start = LondonTime.StartOfDay(from).ToUniversalTime();
            q = q.Where(e => e.ReceivedAt >= start);
        }

        if (f.ReceivedTo is { } to)
        {
            var end = LondonTime.StartOfDay(to.AddDays(1)).ToUniversalTime();
            q = q.Where(e => e.ReceivedAt < end);
        }

        if (f.Text?.Trim() is { Length: > 0 } text)
        {
            if (ReferenceShape().IsMatch(text))
            {
                // A reference is matched whole, by its unique index, and nothing else is searched.
                var reference = text.ToUpperInvariant();
                q = q.Where(e => e.Reference == reference);
            }
            else
            {
                // Words: any part of the subject, or of the name of the member, ward, service or officer. The names are
                // looked up once in the directory (a few rows of the viewer's councils) rather than joined for every
                // enquiry; LIKE on lower() is the same on both databases (and served by a trigram index on PostgreSQL).
                var pattern = "%" + EscapeLike(text.ToLowerInvariant()) + "%";
                var councils = actor.Councils;
                var members = db.Members.Where(m => councils.Contains(m.CouncilId) && EF.Functions.Like(m.Name.ToLower(), pattern, "\\")).Select(m => m.Id);
                var wards = db.Wards.Where(w => councils.Contains(w.CouncilId) && EF.Functions.Like(w.Name.ToLower(), pattern, "\\")).Select(w => w.Id);
                var services = db.Services.Where(s => councils.Contains(s.CouncilId) && EF.Functions.Like(s.Name.ToLower(), pattern, "\\")).Select(s => s.Id);
                var officers = db.Officers.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, "\\")).Select(o => o.Id);
                q = q.Where(e => EF.Functions.Like(e.Subject.ToLower(), pattern, "\\")
                    || members.Contains(e.MemberId)
                    || (e.WardId != null && wards.Contains(e.WardId.Value))
                    || (e.ServiceId != null && services.Contains(e.ServiceId.Value))
                    || (e.AssignedOfficerId != null && officers.Contains(e.AssignedOfficerId.Value)));
            }
        }

        return q;
    }

    private static IOrderedQueryable<Enquiry> Ordered(IQueryable<Enquiry> q, EnquirySort sort) => sort switch
    {
        EnquirySort.Due => q.OrderBy(e => (e.PromisedBy ?? e.DueOn) == null).ThenBy(e => e.PromisedBy ?? e.DueOn)
            .ThenBy(e => e.ReceivedAt).ThenBy(e => e.Id),
        EnquirySort.Oldest => q.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id),
        EnquirySort.Status => q.OrderBy(e => e.Status == EnquiryStatus.Open ? 0
                : e.Status == EnquiryStatus.Assigned ? 1
                : e.Status == EnquiryStatus.HoldingReplySent ? 2
                : e.Status == EnquiryStatus.Answered ? 3
                : e.Status == EnquiryStatus.MovedToComplaints ? 4
                : e.Status == EnquiryStatus.Refused ? 5 : 6)
            .ThenByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id),
        _ => q.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id),
    };

    private static IQueryable<Row> Project(IQueryable<Enquiry> q) => q.Select(e => new Row(
        e.Id, e.Reference, e.Subject, e.Member!.Name, e.Status, e.ReceivedAt, e.DueOn, e.PromisedBy, e.VeryOverdueAfter,
        e.ExplainedOn, e.CouncilId, e.AssignedOfficer!.Name, e.Service!.Name, e.Ward!.Name, e.Version, e.AnsweredAt))
        .AsNoTracking();

    /// <summary>
    /// Lateness in each council's own working days. The calendars of every council the viewer belongs to are read before
    /// the rows are (an enquiry the viewer may see is always in one of them), so a long export never queries mid-read.
    /// </summary>
    private async IAsyncEnumerable<EnquirySummary> SummariesAsync(Actor actor, IQueryable<Row> rows, DateOnly today, [EnumeratorCancellation] CancellationToken ct)
    {
        var calendars = new Dictionary<Guid, CouncilProtocol>();
        foreach (var councilId in actor.Councils)
        {
            calendars[councilId] = await protocols.ForAsync(db, councilId, today, ct);
        }

        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var timeliness = Enquiry.TimelinessOf(r.Status, r.DueOn, r.PromisedBy, r.VeryOverdueAfter, r.ExplainedOn, today);
            var days = calendars.TryGetValue(r.CouncilId, out var p)
                ? EnquiryRulebook.WorkingDaysOverdue(p, timeliness, r.PromisedBy ?? r.DueOn, today)
                : 0;
            yield return new EnquirySummary(r.Id, r.Reference, r.Subject, r.MemberName, r.Status, r.ReceivedAt, r.DueOn, r.PromisedBy ?? r.DueOn,
                timeliness, r.Officer, r.Service, r.Version, r.PromisedBy, days, r.Ward, r.AnsweredAt);
        }
    }

    private sealed record Row(Guid Id, string Reference, string Subject, string MemberName, EnquiryStatus Status, DateTimeOffset ReceivedAt,
        DateOnly? DueOn, DateOnly? PromisedBy, DateOnly? VeryOverdueAfter, DateOnly? ExplainedOn, Guid CouncilId, string? Officer,
        string? Service, string? Ward, int Version, DateTimeOffset? AnsweredAt);
}
