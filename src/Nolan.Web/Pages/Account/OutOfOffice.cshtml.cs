using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nolan.Core.Calendar;
using Nolan.Core.CouncilDirectory;
using Nolan.Web.Security;
using Nolan.Web.TagHelpers;

namespace Nolan.Web.Pages.Account;

/// <summary>An officer records an absence and the colleague who covers their members' enquiries (Southend 9.1.6).</summary>
[Authorize(Policy = Policies.Officer)]
public sealed class OutOfOfficeModel(Absences absences) : NolanPageModel
{
    [BindProperty]
    public DateParts AwayFrom { get; set; } = new();

    [BindProperty]
    public DateParts AwayUntil { get; set; } = new();

    [BindProperty]
    public string? CoverOfficerId { get; set; }

    public Absence? Current { get; private set; }

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await absences.CurrentAsync(Actor, ct);
        if (Current is { } a)
        {
            AwayFrom = DateParts.From(a.From);
            AwayUntil = DateParts.From(a.Until);
            CoverOfficerId = a.CoverOfficerId?.ToString();
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var from = ReadOptionalDate(AwayFrom, nameof(AwayFrom), "The first day away must be a real date, for example 22 12 2026");
        var until = ReadOptionalDate(AwayUntil, nameof(AwayUntil), "The last day away must be a real date, for example 2 1 2027");
        Guid? cover = Guid.TryParse(CoverOfficerId, out var c) ? c : null;
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await absences.SetAsync(new SetAbsence(from, until, cover), Actor, ct);
        if (!result.IsSuccess)
        {
            await LoadAsync(ct);
            return ShowError(result.Error!) ?? Page();
        }

        var a = result.Value!;
        Flash($"You are recorded as away from {LondonTime.FormatDate(a.From)} to {LondonTime.FormatDate(a.Until)}"
            + (a.CoverName is null ? "" : $"; {a.CoverName} receives your members' enquiries"));
        return Redirect("/account/out-of-office");
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken ct)
    {
        var result = await absences.ClearAsync(Actor, ct);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!) ?? Page();
        }

        Flash(result.Value ? "Your absence has been cleared" : "You had no absence recorded");
        return Redirect("/account/out-of-office");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current ??= await absences.CurrentAsync(Actor, ct);
        Colleagues = [.. (await absences.ColleaguesAsync(Actor, ct)).Select(o => new SelectListItem($"{o.Name}, {o.JobTitle}", o.Id.ToString()))];
    }
}
