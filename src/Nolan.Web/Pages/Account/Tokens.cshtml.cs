using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages.Account;

/// <summary>Your API tokens: create one (shown once), see and revoke them.</summary>
public sealed class TokensModel(ApiTokenService tokens, NolanDbContext db) : NolanPageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await tokens.CreateAsync(Actor.AccountId, Name, 90, Actor, ct);
        if (!result.IsSuccess)
        {
            if (ShowError(result.Error!) is { } stop)
            {
                return stop;
            }

            await LoadAsync(ct);
            return Page();
        }

        NewSecret = result.Value!.Secret;
        Name = null;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(tokenId, Actor, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Flash("Token revoked");
        return Redirect("/account/tokens");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == Actor.AccountId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
}
