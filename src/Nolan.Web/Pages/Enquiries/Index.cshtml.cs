using Microsoft.AspNetCore.Mvc;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>
/// The caseload lists: My enquiries, Assigned to me, My team, the Hub's triage queue and all the council's enquiries,
/// each with search, filters (a plain GET form), an order, a total, numbered pages and a CSV of what the filters select.
/// </summary>
public sealed class IndexModel(EnquiryLists lists) : NolanPageModel
{
    public EnquiryListQuery Query { get; private set; } = new();

    public EnquiryPage Results { get; private set; } = new([], 1, EnquiryLists.DefaultPageSize, 0);

    public EnquiryListOptions Options { get; private set; } = new([], [], []);

    public bool CanLog { get; private set; }

    /// <summary>The received-between boxes as typed, so a date that could not be read is shown back.</summary>
    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public string Heading => Query.Scope switch
    {
        EnquiryScope.Mine => "My enquiries",
        EnquiryScope.AssignedToMe => "Assigned to me",
        EnquiryScope.Team => "My team\u2019s enquiries",
        EnquiryScope.Triage => "Triage queue",
        _ => "All enquiries",
    };

    /// <summary>Whether any filter or search narrows the list (the filter panel then starts open).</summary>
    public bool Filtered => Query.Text is not null || Query.Status is not null || Query.Due != DueFilter.Any || Query.WardId is not null
        || Query.ServiceId is not null || Query.OfficerId is not null || Query.ReceivedFrom is not null || Query.ReceivedTo is not null
        || FromText is { Length: > 0 } || ToText is { Length: > 0 };

    /// <summary>Lists that show who holds each enquiry.</summary>
    public bool ShowsHolder => Query.Scope is EnquiryScope.Team or EnquiryScope.Council or EnquiryScope.Triage;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var a = Actor;
        Query = EnquiryListParameters.Parse(k => Request.Query[k].ToString(), a, EnquiryLists.DefaultPageSize, out var errors);
        FromText = Request.Query["from"].ToString();
        ToText = Request.Query["to"].ToString();
        if (errors.ContainsKey("scope") || !EnquiryLists.Offers(a, Query.Scope))
        {
            return Forbid();
        }

        // A filter that cannot be read is named in the error summary; the list is shown without it.
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, Friendly(field, message));
        }

        CanLog = a.IsMember || a.CouncilsWhere(Core.CouncilDirectory.OfficerRoles.MembersSupportHub).Count > 0;
        Options = await lists.OptionsAsync(a, Query.Scope, ct);
        Results = await lists.ListAsync(a, Query, ct);
        return Page();
    }

    public string Link(int? page = null, EnquirySort? sort = null) => "/enquiries" + EnquiryListParameters.ToQueryString(Query, page, sort);

    public string StageLink(StageFilter stage) => "/enquiries" + EnquiryListParameters.ToQueryString(Query with { Stage = stage }, 1);

    public string CsvLink => "/enquiries/export" + EnquiryListParameters.ToQueryString(Query, 1);

    public string ScopeParam => EnquiryListParameters.Scopes.First(x => x.Value == Query.Scope).Key;

    /// <summary>The parser's own words where a person typed the value; otherwise what to do about a doctored link.</summary>
    private static string Friendly(string field, string message) => field switch
    {
        "q" or "from" or "to" => message,
        "page" => "Page must be a number",
        _ => "Choose a filter from the list",
    };
}
