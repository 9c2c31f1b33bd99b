using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages.Admin.Council;

/// <summary>One footer page in the council's own words (Markdown), for its administrator and Democratic Services.</summary>
public sealed class EditPageModel(NolanDbContext db, CouncilIdentity identity) : NolanPageModel
{
    public Core.CouncilDirectory.Council? Council { get; private set; }

    public CouncilPageKind? Kind { get; private set; }

    [BindProperty(SupportsGet = true, Name = "council")]
    public string? CouncilSlug { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        Body = (await identity.PageAsync(Council!, Kind!.Slug, ct))!.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
        {
            return refused;
        }

        var result = await identity.SavePageAsync(new SaveCouncilPage(Council!.Id, Kind!.Slug, Body), Actor, ct);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!) ?? Page();
        }

        Flash($"The {Kind.Title.ToLowerInvariant()} has been saved");
        return Redirect($"/admin/council?council={Uri.EscapeDataString(Council.Slug)}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var editable = CouncilIdentity.EditableBy(Actor);
        if (editable.Count == 0)
        {
            return Forbid();
        }

        Kind = CouncilIdentity.PageKinds.FirstOrDefault(k => k.Slug == slug);
        Council = CouncilSlug is null
            ? await db.Councils.FirstOrDefaultAsync(c => editable.Contains(c.Id), ct)
            : await db.Councils.FirstOrDefaultAsync(c => c.Slug == CouncilSlug && editable.Contains(c.Id), ct);
        return Kind is null || Council is null ? NotFound() : null;
    }
}
