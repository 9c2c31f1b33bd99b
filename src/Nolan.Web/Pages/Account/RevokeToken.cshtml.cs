using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages.Account;

/// <summary>Revoking a token asks first: a system using it stops working at once, and it cannot be undone.</summary>
public sealed class RevokeTokenModel(NolanDbContext db) : NolanPageModel
{
    public ApiToken? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tokenId, CancellationToken ct)
    {
        Token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId && t.AccountId == Actor.AccountId, ct);
        if (Token is null)
        {
            return NotFound();
        }

        return Token.RevokedAt is null ? Page() : Redirect("/account/tokens");
    }
}
