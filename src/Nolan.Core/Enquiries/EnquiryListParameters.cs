using System.Globalization;
using System.Text;
using Nolan.Core.Access;

namespace Nolan.Core.Enquiries;

/// <summary>
/// A list's query string, read and written in one place, so that the page's filter form, its page links, its CSV link
/// and the API all mean the same thing by <c>?scope=team&amp;due=overdue&amp;sort=due</c>.
/// </summary>
public static class EnquiryListParameters
{
    public static readonly IReadOnlyDictionary<string, EnquiryScope> Scopes = new Dictionary<string, EnquiryScope>(StringComparer.Ordinal)
    {
        ["mine"] = EnquiryScope.Mine,
        ["assigned-to-me"] = EnquiryScope.AssignedToMe,
        ["team"] = EnquiryScope.Team,
        ["triage"] = EnquiryScope.Triage,
        ["council"] = EnquiryScope.Council,
    };

    public static readonly IReadOnlyDictionary<string, StageFilter> Stages = new Dictionary<string, StageFilter>(StringComparer.Ordinal)
    {
        ["live"] = StageFilter.Live,
        ["finished"] = StageFilter.Finished,
        ["all"] = StageFilter.All,
    };

    public static readonly IReadOnlyDictionary<string, DueFilter> Dues = new Dictionary<string, DueFilter>(StringComparer.Ordinal)
    {
        ["overdue"] = DueFilter.Overdue,
        ["very-overdue"] = DueFilter.VeryOverdue,
        ["due-this-week"] = DueFilter.DueThisWeek,
    };

    public static readonly IReadOnlyDictionary<string, EnquirySort> Sorts = new Dictionary<string, EnquirySort>(StringComparer.Ordinal)
    {
        ["due"] = EnquirySort.Due,
        ["newest"] = EnquirySort.Newest,
        ["oldest"] = EnquirySort.Oldest,
        ["status"] = EnquirySort.Status,
    };

    public static readonly IReadOnlyDictionary<string, EnquiryStatus> Statuses =
        Enum.GetValues<EnquiryStatus>().ToDictionary(Kebab, s => s, StringComparer.Ordinal);

    /// <summary>The list a person lands on: a member their own enquiries, an officer what is assigned to them.</summary>
    public static EnquiryScope DefaultScope(Actor actor) => actor.IsMember || !actor.IsOfficer ? EnquiryScope.Mine : EnquiryScope.AssignedToMe;

    /// <summary>
    /// Members land on everything they raised, answers included, newest first; officers on what still needs doing,
    /// the most overdue first; the council's list on everything, newest first.
    /// </summary>
    public static (StageFilter Stage, EnquirySort Sort) Defaults(EnquiryScope scope) => scope switch
    {
        EnquiryScope.Mine => (StageFilter.All, EnquirySort.Newest),
        EnquiryScope.Council => (StageFilter.All, EnquirySort.Newest),
        _ => (StageFilter.Live, EnquirySort.Due),
    };

    /// <summary>Reads a list's parameters; each one that cannot be read is an error against its name.</summary>
    public static EnquiryListQuery Parse(Func<string, string?> get, Actor actor, int pageSize, out Dictionary<string, string> errors)
    {
        errors = [];
        var scopeText = get("scope");
        var due = DueFilter.Any;
        EnquiryScope scope;
        if (string.IsNullOrEmpty(scopeText))
        {
            scope = DefaultScope(actor);
        }
        else if (scopeText == "team-overdue")
        {
            // The earlier address of "my team's overdue".
            scope = EnquiryScope.Team;
            due = DueFilter.Overdue;
        }
        else if (!Scopes.TryGetValue(scopeText, out scope))
        {
            errors["scope"] = "scope must be mine, assigned-to-me, team, triage or council";
        }

        var (stage, sort) = Defaults(scope);
        stage = Read(get("stage"), Stages, stage, "stage", "stage must be live, finished or all", errors);
        sort = Read(get("sort"), Sorts, sort, "sort", "sort must be due, newest, oldest or status", errors);
        due = Read(get("due"), Dues, due, "due", "due must be overdue, very-overdue or due-this-week", errors);
        EnquiryStatus? status = get("status") is { Length: > 0 } st
            ? Statuses.TryGetValue(st, out var s) ? s : Error<EnquiryStatus?>(errors, "status", $"status must be one of {string.Join(", ", Statuses.Keys)}")
            : null;
        var text = get("q")?.Trim();
        if (text is { Length: > EnquiryLists.TextMax })
        {
            errors["q"] = $"Search text must be {EnquiryLists.TextMax} characters or fewer";
            text = null;
        }
        else if (text is not null && text.Any(char.IsControl))
        {
            // PostgreSQL cannot hold a NUL in text; no search needs a control character.
            errors["q"] = "Search text must be letters, numbers, spaces and punctuation";
            text = null;
        }

        var from = Date(get("from"), "from", errors);
        var to = Date(get("to"), "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors["to"] = "The end of the received period must be the same as or after its start";
        }

        var page = 1;
        if (get("page") is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 100_000))
        {
            errors["page"] = "page must be a positive number";
            page = 1;
        }

        return new EnquiryListQuery
        {
            Scope = scope,
            Stage = stage,
            Sort = sort,
            Due = due,
            Status = status,
            Text = string.IsNullOrEmpty(text) ? null : text,
            WardId = Id(get("ward"), "ward", errors),
            ServiceId = Id(get("service"), "service", errors),
            OfficerId = Id(get("officer"), "officer", errors),
            ReceivedFrom = from,
            ReceivedTo = to,
            Page = page,
            PageSize = pageSize,
        };
    }

    /// <summary>
    /// The query string that asks for <paramref name="q"/> again (on another page, in another order, as CSV), giving
    /// only what differs from the list's defaults.
    /// </summary>
    public static string ToQueryString(EnquiryListQuery q, int? page = null, EnquirySort? sort = null)
    {
        var (stage, defaultSort) = Defaults(q.Scope);
        var parts = new List<(string, string)> { ("scope", Scopes.First(x => x.Value == q.Scope).Key) };
        if (q.Stage != stage)
        {
            parts.Add(("stage", Stages.First(x => x.Value == q.Stage).Key));
        }

        if (q.Text is { } text)
        {
            parts.Add(("q", text));
        }

        if (q.Status is { } status)
        {
            parts.Add(("status", Kebab(status)));
        }

        if (q.Due != DueFilter.Any)
        {
            parts.Add(("due", Dues.First(x => x.Value == q.Due).Key));
        }

        Add(parts, "ward", q.WardId);
        Add(parts, "service", q.ServiceId);
        Add(parts, "officer", q.OfficerId);
        if (q.ReceivedFrom is { } from)
        {
            parts.Add(("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (q.ReceivedTo is { } to)
        {
            parts.Add(("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var s = sort ?? q.Sort;
        if (s != defaultSort)
        {
            parts.Add(("sort", Sorts.First(x => x.Value == s).Key));
        }

        if ((page ?? q.Page) is > 1 and var pg)
        {
            parts.Add(("page", pg.ToString(CultureInfo.InvariantCulture)));
        }

        var sb = new StringBuilder();
        foreach (var (k, v) in parts)
        {
            sb.Append(sb.Length == 0 ? '?' : '&').Append(k).Append('=').Append(Uri.EscapeDataString(v));
        }

        return sb.ToString();
    }

    /// <summary><c>HoldingReplySent</c> → <c>holding-reply-sent</c>.</summary>
    public static string Kebab(EnquiryStatus s)
    {
        var name = s.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    private static void Add(List<(string, string)> parts, string name, Guid? id)
    {
        if (id is { } g)
        {
            parts.Add((name, g.ToString("D")));
        }
    }

    private static T Read<T>(string? text, IReadOnlyDictionary<string, T> values, T fallback, string name, string message, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (values.TryGetValue(text, out var v))
        {
            return v;
        }

        errors[name] = message;
        return fallback;
    }

    private static T Error<T>(Dictionary<string, string> errors, string name, string message)
    {
        errors[name] = message;
        return default!;
    }

    private static DateOnly? Date(string? text, string name, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // The form's own form (2026-11-01) and the way people write dates here (1/11/2026).
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 1900 and <= 2999)
        {
            return d;
        }

        errors[name] = $"{(name == "from" ? "Received from" : "Received to")} must be a real date, for example 1/11/2026";
        return null;
    }

    private static Guid? Id(string? text, string name, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors[name] = $"{name} must be an identifier from the list's filter";
        return null;
    }
}
