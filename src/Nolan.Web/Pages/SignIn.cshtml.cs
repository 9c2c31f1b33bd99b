using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages;

/// <summary>Local sign-in with email and password (the embedded default; OpenID Connect replaces it in production).</summary>
[EnableRateLimiting("sign-in")]
public sealed class SignInModel(NolanDbContext db) : PageModel
{
    private static readonly PasswordHasher<Nolan.Core.Access.Account> Hasher = new();

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Email!.Trim().ToLowerInvariant();
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == email && !a.Disabled);
        var ok = account?.PasswordHash is { } hash
            && Hasher.VerifyHashedPassword(account, hash, Password!) != PasswordVerificationResult.Failed;
        if (!ok)
        {
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account!.Id.ToString()), new Claim(ClaimTypes.Name, account.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
