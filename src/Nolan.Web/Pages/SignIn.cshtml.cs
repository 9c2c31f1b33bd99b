using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Nolan.Core.Access;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>Local sign-in with email and password (the embedded default; OpenID Connect replaces it in production).</summary>
[EnableRateLimiting("sign-in")]
public sealed class SignInModel(Sessions sessions) : PageModel
{

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

        var result = await sessions.SignInAsync(Email!, Password!, HttpContext.RequestAborted);
        if (result.RetryAfter is { } wait)
        {
            // The same answer whether or not the address has an account.
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            ModelState.AddModelError(nameof(Email),
                $"Too many attempts to sign in with this email address: wait {seconds} second{(seconds == 1 ? "" : "s")} and try again");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }

        var account = result.Account!;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.DisplayName),
                new Claim(SessionValidation.SessionClaim, result.Session!.Id.ToString()),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = result.Session.ExpiresAt, AllowRefresh = true });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
