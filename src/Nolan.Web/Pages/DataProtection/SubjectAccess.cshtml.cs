using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.DataProtection;
using Nolan.Core.DataStore;
using Nolan.Web.Security;

namespace Nolan.Web.Pages.DataProtection;

/// <summary>
/// Subject access: the Monitoring Officer or data protection officer of a council names a person and downloads a zip of
/// everything Nolan holds about them there. The policy lets in holders of either post anywhere; the service checks the
/// council chosen.
/// </summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class SubjectAccessModel(SubjectAccess subjectAccess, NolanDbContext db) : NolanPageModel
{
    [BindProperty]
    public string? Person { get; set; }

    [BindProperty]
    public Guid? CouncilId { get; set; }

    public IReadOnlyList<SelectListItem> Councils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var councils = SubjectAccess.CouncilsOf(Actor);
        var council = CouncilId ?? (councils.Count == 1 ? councils[0] : null);
        if (council is null)
        {
            ModelState.AddModelError(nameof(CouncilId), "Choose the council whose records to search");
            await LoadAsync(ct);
            return Page();
        }

        var result = await subjectAccess.ExportAsync(new ExportSubjectAccess(council.Value, Person), Actor, ct);
        if (!result.IsSuccess)
        {
            if (ShowError(result.Error!) is { } stop)
            {
                return stop;
            }

            await LoadAsync(ct);
            return Page();
        }

        var export = result.Value!;
        return File(export.Zip, "application/zip", export.FileName);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = SubjectAccess.CouncilsOf(Actor);
        Councils = await db.Councils.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString())).ToListAsync(ct);
    }
}
