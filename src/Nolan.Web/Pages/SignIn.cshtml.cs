using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;
using Nolan.Web.Hosting;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>
/// Sign-in: through the council's OpenID Connect provider where one is configured, and with an email address and a
/// password Nolan holds unless the installation has turned those off.
/// </summary>
[EnableRateLimiting("sign-in")]
public sealed class SignInModel(Sessions sessions, IOptions<NolanOptions> options) : PageModel
{
    public bool LocalPasswords => options.Value.LocalPasswords;

    public OpenIdConnectSettings Provider => options.Value.OpenIdConnect;

    /// <summary>Why the provider's sign-in did not give a session (<c>?failed=</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Failed { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        if (OpenIdConnectSignIn.FailureMessage(Failed) is { } message)
        {
            ModelState.AddModelError(Provider.Enabled ? "sign-in-with-provider" : nameof(Email), message);
        }
    }

    /// <summary>The provider's button: off to the provider, back to the page asked for.</summary>
    public IActionResult OnPostProvider()
    {
        if (!Provider.Enabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, OpenIdConnectSignIn.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LocalPasswords)
        {
            return NotFound();
        }

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
