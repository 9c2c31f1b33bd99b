using System.Text.RegularExpressions;
using Nolan.Core.DataStore;

namespace Nolan.Web.Pages.Shared;

/// <summary>
/// The council's colour as a style sheet (the CSP allows no inline styles): <c>/council-style/SLUG.css?v=COLOUR</c>,
/// cached for a year because the address changes with the colour.
/// </summary>
public static partial class CouncilStyle
{
    public static string? Href(CouncilLook? council) =>
        council?.BrandColour is { } colour ? $"/council-style/{council.Slug}.css?v={colour.TrimStart('#')}" : null;

    public static void MapCouncilStyle(this IEndpointRouteBuilder app) =>
        app.MapGet("/council-style/{slug}.css", async (string slug, NolanDbContext db, PageFrames frames, HttpContext http) =>
        {
            var council = slug.Length <= 80 ? await frames.ByKeyAsync(db, slug, http.RequestAborted) : null;
            // Only a colour that passed validation reaches the sheet; anything else is no colour at all.
            var colour = council?.BrandColour is { } c && Colour().IsMatch(c) ? c : null;
            if (colour is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text($$"""
                /* {{council!.Name}}: the header in the council's colour (white text, contrast checked when it was set). */
                .nolan-header { background-color: {{colour}}; border-bottom-color: {{colour}}; }
                .govuk-service-navigation { border-bottom-color: {{colour}}; }
                .govuk-service-navigation__item--active { border-left-color: {{colour}}; border-bottom-color: {{colour}}; }
                """, "text/css");
        }).AllowAnonymous().ExcludeFromDescription();

    [GeneratedRegex("^#[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Colour();
}
