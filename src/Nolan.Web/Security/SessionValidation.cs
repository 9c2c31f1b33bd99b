using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Nolan.Core.Access;

namespace Nolan.Web.Security;

/// <summary>
/// Every request with a sign-in cookie asks the database whether its session is still live and its account enabled
/// (one lookup by primary key): a signed-out, expired or disabled session is refused at once, on every node, with no
/// cache period in between.
/// </summary>
public static class SessionValidation
{
    public const string SessionClaim = "nolan:sid";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        var live = Guid.TryParse(context.Principal?.FindFirstValue(SessionClaim), out var id)
            ? await sessions.LiveAccountAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (live is null || live.ToString() != context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
