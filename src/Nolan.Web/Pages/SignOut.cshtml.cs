using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nolan.Core.Access;
using Nolan.Web.Security;

namespace Nolan.Web.Pages;

/// <summary>Sign out (POST only, with antiforgery): the session ends on the server, so a copy of the cookie is refused too.</summary>
public sealed class SignOutModel(Sessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Guid.TryParse(User.FindFirstValue(SessionValidation.SessionClaim), out var session)
            && HttpContext.Items.ContainsKey(ActorMiddleware.ItemKey))
        {
            await sessions.EndAsync(session, ActorMiddleware.ActorOf(HttpContext), "signed out", HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/sign-in");
    }
}
