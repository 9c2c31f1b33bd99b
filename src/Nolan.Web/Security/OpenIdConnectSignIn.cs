using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Nolan.Core.Access;
using Nolan.Web.Hosting;

namespace Nolan.Web.Security;

/// <summary>
/// Single sign-on through the council's OpenID Connect provider, with the framework's handler: authorization code
/// with PKCE, the id token validated against the provider's published keys. Once the provider has signed a person in,
/// <see cref="Sessions.SignInExternalAsync"/> finds their account and starts the same server-side session a password
/// sign-in starts, so signing out, disabling an account and session expiry work the same way for both.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = "oidc";

    /// <summary>Adds the handler when the installation has a provider configured.</summary>
    public static AuthenticationBuilder AddNolanOpenIdConnect(this AuthenticationBuilder auth, OpenIdConnectSettings settings)
    {
        if (!settings.Enabled)
        {
            return auth;
        }

        return auth.AddOpenIdConnect(Scheme, settings.ButtonText, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back on a top-level GET, so the handler's correlation and nonce cookies can be SameSite=Lax
            // (a form_post would need SameSite=None). Secure whenever the request is HTTPS, as it is behind a TLS proxy.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            // Nolan keeps no tokens: the provider is asked who the person is, once, at sign-in.
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Events.OnTokenValidated = ctx => SignInAsync(ctx, settings);
            o.Events.OnRemoteFailure = ctx =>
            {
                // A cancelled sign-in, a replayed or expired response, a provider error: back to the sign-in page with
                // a message, never an error page.
                ctx.Response.Redirect("/sign-in?failed=provider");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    private static async Task SignInAsync(TokenValidatedContext ctx, OpenIdConnectSettings settings)
    {
        var claims = ctx.Principal!;
        var issuer = claims.FindFirstValue("iss") ?? settings.Authority!;
        var subject = claims.FindFirstValue("sub");
        if (string.IsNullOrEmpty(subject))
        {
            ctx.Fail("The provider sent no subject.");
            return;
        }

        var verified = settings.EmailsAreVerified
            || string.Equals(claims.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var email = claims.FindFirstValue("email") ?? (settings.EmailsAreVerified ? claims.FindFirstValue("preferred_username") : null);
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<Sessions>();
        var result = await sessions.SignInExternalAsync(new ExternalIdentity(issuer, subject, email, verified), ctx.HttpContext.RequestAborted);
        if (result.Failure is { } failure)
        {
            ctx.HandleResponse();
            ctx.Response.Redirect("/sign-in?failed=" + FailureCode(failure));
            return;
        }

        var account = result.Account!;
        ctx.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.DisplayName),
                new Claim(SessionValidation.SessionClaim, result.Session!.Id.ToString()),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
        ctx.Properties!.ExpiresUtc = result.Session.ExpiresAt;
        ctx.Properties.AllowRefresh = true;
        ctx.Properties.IsPersistent = false;
    }

    /// <summary>The words of <c>?failed=</c> on the sign-in page.</summary>
    public static string FailureCode(ExternalSignInFailure failure) => failure switch
    {
        ExternalSignInFailure.NoEmail => "no-email",
        ExternalSignInFailure.EmailNotVerified => "email-not-verified",
        ExternalSignInFailure.NoAccount => "no-account",
        ExternalSignInFailure.LinkedToAnother => "linked-to-another",
        ExternalSignInFailure.Disabled => "no-account",
        _ => "provider",
    };

    /// <summary>What the sign-in page says for each <c>?failed=</c> code.</summary>
    public static string? FailureMessage(string? code) => code switch
    {
        "no-email" => "Your council account did not tell us your email address. Ask your IT service desk to release it to this service.",
        "email-not-verified" => "Your council account's email address is not verified. Ask your IT service desk, or sign in with a password.",
        // A disabled account reads the same as none: the page does not say which accounts exist.
        "no-account" => "You do not have an account for this service. Ask Democratic Services to add you.",
        "linked-to-another" => "Your email address is linked to a different council account. Ask Democratic Services to check your account.",
        "provider" => "Sign-in with your council account did not complete. Try again.",
        _ => null,
    };
}
