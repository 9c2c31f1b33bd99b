using System.Globalization;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Nolan.Core.Access;
using Nolan.Core.Audit;
using Nolan.Core.Common;
using Nolan.Core.DataStore;

namespace Nolan.Core.CouncilDirectory;

/// <summary>
/// A page a council writes for its own users, linked from every page's footer: accessibility statement, privacy
/// notice, cookies, contact. Markdown; until the council writes one, Nolan shows a default that says what Nolan knows.
/// </summary>
public sealed class CouncilPage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CouncilId { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedByAccountId { get; set; }
}

/// <summary>The kinds of footer page, in footer order.</summary>
public sealed record CouncilPageKind(string Slug, string Title);

/// <summary>A change to how the council presents the service.</summary>
public sealed record ChangeCouncilIdentity(Guid CouncilId, string? ServiceName, string? BrandColour);

/// <summary>A council's own text for one footer page.</summary>
public sealed record SaveCouncilPage(Guid CouncilId, string Slug, string? Body);

/// <summary>
/// The council's own identity on every page — its name, the service's name, its colour and its footer pages — in
/// place of GOV.UK's, which a council service may not use. Changed by the council's administrator or Democratic
/// Services (Members Support Hub); every change audited.
/// </summary>
public sealed partial class CouncilIdentity(NolanDbContext db, AuditLog audit, TimeProvider time)
{
    public const string DefaultServiceName = "Members' enquiries";

    public const int MaxServiceName = 60;

    public const int MaxPageBody = 20_000;

    /// <summary>WCAG 2.2 AA for normal text: white header text on the council's colour.</summary>
    public const double MinimumContrast = 4.5;

    public static readonly IReadOnlyList<CouncilPageKind> PageKinds =
    [
        new("accessibility", "Accessibility statement"),
        new("privacy", "Privacy notice"),
        new("cookies", "Cookies"),
        new("contact", "Contact"),
    ];

    public const OfficerRoles Editors = OfficerRoles.Administrator | OfficerRoles.MembersSupportHub;

    /// <summary>The councils whose identity and pages <paramref name="actor"/> may change.</summary>
    public static IReadOnlyList<Guid> EditableBy(Actor actor) =>
        [.. actor.OfficerCouncils.Where(c => (c.Value & Editors) != 0).Select(c => c.Key)];

    /// <summary>Whether <paramref name="actor"/> may change the council's identity and pages.</summary>
    public static bool MayEdit(Actor actor, Guid councilId) =>
        actor.OfficerCouncils.TryGetValue(councilId, out var roles) && (roles & Editors) != 0;

    public async Task<Result<Council>> ChangeAsync(ChangeCouncilIdentity change, Actor actor, CancellationToken ct = default)
    {
        var council = await db.Councils.FirstOrDefaultAsync(c => c.Id == change.CouncilId, ct);
        if (council is null || !MayEdit(actor, change.CouncilId))
        {
            return new NotFound("council");
        }

        var errors = new Dictionary<string, List<string>>();
        var name = change.ServiceName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.AddError(nameof(change.ServiceName), "Enter the service's name");
        }
        else if (name.Length > MaxServiceName)
        {
            errors.AddError(nameof(change.ServiceName), $"The service's name must be {MaxServiceName} characters or fewer");
        }

        var colour = string.IsNullOrWhiteSpace(change.BrandColour) ? null : change.BrandColour.Trim().ToLowerInvariant();
        if (colour is not null)
        {
            if (!HexColour().IsMatch(colour))
            {
                errors.AddError(nameof(change.BrandColour), "Enter the colour as # and six hexadecimal digits, like #1d70b8");
            }
            else if (ContrastWithWhite(colour) is var contrast && contrast < MinimumContrast)
            {
                errors.AddError(nameof(change.BrandColour),
                    $"Choose a darker colour: white text on {colour} has a contrast of {contrast.ToString("0.0", CultureInfo.InvariantCulture)}:1 and must have at least {MinimumContrast.ToString("0.0", CultureInfo.InvariantCulture)}:1");
            }
        }

        if (errors.Count > 0)
        {
            return ValidationFailed.For(errors);
        }

        var before = new { council.ServiceName, council.BrandColour };
        council.ServiceName = name;
        council.BrandColour = colour;
        await audit.RecordAsync(actor, "council.identity_changed", "council", council.Id, council.Id, before,
            new { council.ServiceName, council.BrandColour }, ct: ct);
        await db.SaveChangesAsync(ct);
        return council;
    }

    /// <summary>The council's page, or the default when it has written none.</summary>
    public async Task<CouncilPage?> PageAsync(Council council, string slug, CancellationToken ct = default)
    {
        var kind = PageKinds.FirstOrDefault(k => k.Slug == slug);
        if (kind is null)
        {
            return null;
        }

        return await db.CouncilPages.AsNoTracking().FirstOrDefaultAsync(p => p.CouncilId == council.Id && p.Slug == slug, ct)
            ?? new CouncilPage { CouncilId = council.Id, Slug = slug, Title = kind.Title, Body = DefaultBody(slug, council) };
    }

    /// <summary>Saves the council's text for a page; empty text goes back to the default.</summary>
    public async Task<Result<CouncilPage>> SavePageAsync(SaveCouncilPage save, Actor actor, CancellationToken ct = default)
    {
        var council = await db.Councils.FirstOrDefaultAsync(c => c.Id == save.CouncilId, ct);
        var kind = PageKinds.FirstOrDefault(k => k.Slug == save.Slug);
        if (council is null || kind is null || !MayEdit(actor, save.CouncilId))
        {
            return new NotFound("page");
        }

        var body = save.Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (body.Length > MaxPageBody)
        {
            return ValidationFailed.For("Body", $"The page must be {MaxPageBody:N0} characters or fewer");
        }

        var page = await db.CouncilPages.FirstOrDefaultAsync(p => p.CouncilId == council.Id && p.Slug == kind.Slug, ct);
        var before = page?.Body;
        if (body.Length == 0)
        {
            if (page is not null)
            {
                db.CouncilPages.Remove(page);
            }

            page = new CouncilPage { CouncilId = council.Id, Slug = kind.Slug, Title = kind.Title, Body = DefaultBody(kind.Slug, council) };
        }
        else if (page is null)
        {
            page = new CouncilPage { CouncilId = council.Id, Slug = kind.Slug, Title = kind.Title, Body = body };
            db.CouncilPages.Add(page);
        }
        else
        {
            page.Body = body;
        }

        page.UpdatedAt = AuditLog.TruncateToMicroseconds(time.GetUtcNow());
        page.UpdatedByAccountId = actor.AccountId;
        await audit.RecordAsync(actor, "council.page_changed", "council", council.Id, council.Id, new { Page = kind.Slug, Body = before },
            new { Page = kind.Slug, Body = body.Length == 0 ? null : body }, ct: ct);
        await db.SaveChangesAsync(ct);
        return page;
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>
    /// A page's Markdown as HTML: raw HTML is not Markdown here (shown as text), and what Markdig makes is sanitised
    /// again (no script, no <c>javascript:</c> links), links and lists given GOV.UK classes.
    /// </summary>
    public static string RenderHtml(string markdown)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("class");
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline)
            .Replace("<p>", "<p class=\"govuk-body\">", StringComparison.Ordinal)
            .Replace("<ul>", "<ul class=\"govuk-list govuk-list--bullet\">", StringComparison.Ordinal)
            .Replace("<ol>", "<ol class=\"govuk-list govuk-list--number\">", StringComparison.Ordinal)
            .Replace("<a href", "<a class=\"govuk-link\" href", StringComparison.Ordinal)
            .Replace("<h2>", "<h2 class=\"govuk-heading-m\">", StringComparison.Ordinal)
            .Replace("<h3>", "<h3 class=\"govuk-heading-s\">", StringComparison.Ordinal);
        return sanitizer.Sanitize(html);
    }

    /// <summary>WCAG relative-luminance contrast of white on <paramref name="hex"/> (<c>#rrggbb</c>).</summary>
    public static double ContrastWithWhite(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>What a page says until the council writes its own: what Nolan itself knows, and nothing invented.</summary>
    public static string DefaultBody(string slug, Council council) => slug switch
    {
        "accessibility" => $"""
            {council.Name} wants as many people as possible to be able to use {council.ServiceName}. You should be able to
            change colours, contrast levels and fonts, zoom in up to 400% without the text spilling off the screen, and
            navigate the whole service using just a keyboard or speech recognition software, or listen to it using a
            screen reader.

            Every page is built from the GOV.UK Design System's components, works without JavaScript and is checked
            with automated accessibility tests (axe) against the Web Content Accessibility Guidelines version 2.2 AA.

            The council has not yet published the results of its own accessibility audit of this service. If you find a
            problem, or need information in a different format, use the contact page.
            """,
        "privacy" => $"""
            {council.Name} is the data controller for the personal information in {council.ServiceName}: members'
            enquiries, the details of the residents they concern, and the records the council keeps of how each was
            handled.

            The council has not yet published its privacy notice for this service here. Its data protection officer can
            tell you what it holds about you and how to ask for a copy.
            """,
        "cookies" => $"""
            {council.ServiceName} puts small files (cookies) on your device so that it works. They are all essential, so
            the service does not ask for your consent to them and sets no others (no analytics, no advertising):

            - `nolan`: keeps you signed in; ends when you sign out, close your browser or after 8 hours without use.
            - `.AspNetCore.Antiforgery.*`: protects the service's forms from being sent by another website; ends when you
              close your browser.
            - `.AspNetCore.Correlation.*` and `.AspNetCore.OpenIdConnect.Nonce.*`: only while you sign in with your
              council account, to check the answer comes from your council's sign-in service; removed within 15 minutes.
            """,
        "contact" => $"""
            For help with {council.ServiceName}, contact {council.Name}'s Democratic Services (Members Support) team.

            The council has not yet added its contact details here.
            """,
        _ => "",
    };

    [GeneratedRegex("^#[0-9a-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColour();
}
