using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nolan.Core.Access;

namespace Nolan.Web.Security;

/// <summary>Bearer tokens for the JSON API: <c>Authorization: Bearer nolan_...</c>.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        // Asked of the database on every request (one indexed lookup): a revoked token, or one whose account was
        // disabled, is refused at once on every node.
        var accountId = await tokens.AccountForAsync(secret, Context.RequestAborted);
        if (accountId is null)
        {
            return AuthenticateResult.Fail("The API token is not valid, has expired or was revoked.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, accountId.Value.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "Sign in required",
            detail: "Send an API token in the Authorization header: Bearer nolan_...").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: 403, title: "You cannot do that",
            detail: "Your account does not have the role this endpoint needs.").ExecuteAsync(Context);
}
