using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.CouncilDirectory;
using Nolan.Core.DataStore;
using Nolan.Web.Pages.Shared;

namespace Nolan.Web.Pages.Admin.Council;

/// <summary>
/// How the council presents the service: its name for the service, its colour, and its footer pages. For the
/// council's administrator and Democratic Services (Members Support Hub); anyone else is refused.
/// </summary>
public sealed class IndexModel(NolanDbContext db, CouncilIdentity identity, PageFrames frames) : NolanPageModel
{
    public sealed record Choice(string Slug, string Name);

    public IReadOnlyList<Choice> Councils { get; private set; } = [];

    public Core.CouncilDirectory.Council? Council { get; private set; }

    [BindProperty(SupportsGet = true, Name = "council")]
    public string? CouncilSlug { get; set; }

    [BindProperty]
    public string? ServiceName { get; set; }

    [BindProperty]
    public string? BrandColour { get; set; }

    public IReadOnlyList<(CouncilPageKind Kind, bool Written)> Pages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ServiceName = Council!.ServiceName;
        BrandColour = Council.BrandColour;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var result = await identity.ChangeAsync(new ChangeCouncilIdentity(Council!.Id, ServiceName, BrandColour), Actor, ct);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!) ?? Page();
        }

        await frames.ForgetAsync(result.Value!);
        Flash("The service's name and colour have been saved");
        return Redirect($"/admin/council?council={Uri.EscapeDataString(Council.Slug)}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var editable = CouncilIdentity.EditableBy(Actor);
        if (editable.Count == 0)
        {
            return Forbid();
        }

        Councils = await db.Councils.AsNoTracking().Where(c => editable.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Choice(c.Slug, c.Name)).ToListAsync(ct);
        var slug = CouncilSlug ?? Councils[0].Slug;
        Council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && editable.Contains(c.Id), ct);
        if (Council is null)
        {
            return NotFound();
        }

        var written = await db.CouncilPages.AsNoTracking().Where(p => p.CouncilId == Council.Id).Select(p => p.Slug).ToListAsync(ct);
        Pages = [.. CouncilIdentity.PageKinds.Select(k => (k, written.Contains(k.Slug)))];
        return null;
    }
}
