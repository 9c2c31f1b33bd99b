using Microsoft.Extensions.Options;
using Nolan.Web.Hosting;

namespace Nolan.Web.Security;

/// <summary>
/// Headers every response carries: no framing, no sniffing, scripts and styles only from Nolan itself, and casework never
/// kept in a browser's or proxy's cache (<c>Cache-Control: no-store</c> on everything but the static assets).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<NolanOptions> options)
{
    // Forms post to Nolan only; the sign-in button's post is redirected on to the council's OpenID Connect provider,
    // which browsers check against form-action too.
    private readonly string _policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        + (options.Value.OpenIdConnect.Enabled && Uri.TryCreate(options.Value.OpenIdConnect.Authority, UriKind.Absolute, out var provider)
            ? " " + provider.GetLeftPart(UriPartial.Authority)
            : "");

    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = _policy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
        if (!IsStaticAsset(context.Request.Path))
        {
            h.CacheControl = "no-store";
        }

        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/assets") || path.StartsWithSegments("/favicon.ico");
}
