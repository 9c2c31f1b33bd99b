using Microsoft.AspNetCore.Mvc;
using Nolan.Core.CouncilDirectory;

namespace Nolan.Web.Pages;

/// <summary>Start page: sends each person to the list they work from.</summary>
public sealed class IndexModel : NolanPageModel
{
    public IActionResult OnGet()
    {
        var a = Actor;
        if (a.IsMember)
        {
            return Redirect("/enquiries?scope=mine");
        }

        if (a.CouncilsWhere(OfficerRoles.MembersSupportHub).Count > 0)
        {
            return Redirect("/enquiries?scope=triage");
        }

        return a.IsOfficer ? Redirect("/enquiries?scope=assigned-to-me") : Redirect("/protocol");
    }
}
