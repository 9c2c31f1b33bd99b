using Microsoft.AspNetCore.Mvc;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.Enquiries;

namespace Nolan.Web.Pages.Enquiries;

/// <summary>The dashboards: My enquiries, Assigned to me, My team's overdue, and the Hub's triage queue.</summary>
public sealed class IndexModel(EnquiryService enquiries) : NolanPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    // From the query string only: Razor Pages' own route value "page" (the page's path, "/Enquiries/Index") would
    // otherwise be bound first, fail to parse, hide ?page=N and mark ModelState invalid (an "Error: " title).
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EnquiryScope CurrentScope { get; private set; }

    public StageFilter CurrentStage { get; private set; }

    public EnquiryPage Results { get; private set; } = new([], 1, 25, false);

    public bool CanLog { get; private set; }

    public string Heading => CurrentScope switch
    {
        EnquiryScope.Mine => "My enquiries",
        EnquiryScope.AssignedToMe => "Assigned to me",
        EnquiryScope.TeamOverdue => "My team\u2019s overdue enquiries",
        _ => "Triage queue",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var a = Actor;
        CurrentScope = Scope switch
        {
            "mine" => EnquiryScope.Mine,
            "assigned-to-me" => EnquiryScope.AssignedToMe,
            "team-overdue" => EnquiryScope.TeamOverdue,
            "triage" => EnquiryScope.Triage,
            _ => a.IsMember ? EnquiryScope.Mine : EnquiryScope.AssignedToMe,
        };
        if ((CurrentScope == EnquiryScope.Mine && !a.IsMember)
            || (CurrentScope is EnquiryScope.AssignedToMe or EnquiryScope.TeamOverdue && !a.IsOfficer)
            || (CurrentScope == EnquiryScope.Triage && a.CouncilsWhere(OfficerRoles.MembersSupportHub).Count == 0))
        {
            return Forbid();
        }

        // Members land on everything they raised, answers included; officers on what still needs doing.
        CurrentStage = Stage switch
        {
            "finished" => StageFilter.Finished,
            "all" => StageFilter.All,
            "live" => StageFilter.Live,
            _ => CurrentScope == EnquiryScope.Mine ? StageFilter.All : StageFilter.Live,
        };
        CanLog = a.IsMember || a.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0;
        Results = await enquiries.ListAsync(a, CurrentScope, CurrentStage, Math.Max(1, PageNumber), 25, ct);
        return Page();
    }

    public string ScopeParam => CurrentScope switch
    {
        EnquiryScope.Mine => "mine",
        EnquiryScope.AssignedToMe => "assigned-to-me",
        EnquiryScope.TeamOverdue => "team-overdue",
        _ => "triage",
    };
}
