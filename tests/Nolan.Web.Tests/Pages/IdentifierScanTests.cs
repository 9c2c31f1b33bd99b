using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Nolan.Web.Tests.Infrastructure;

namespace Nolan.Web.Tests.Pages;

/// <summary>
/// Nothing internal reaches a reader: every page a role can reach from its menu (demo data: enquiries in every state)
/// is read as a person would read it, and no preset identifier, snake_case key, template key, "(s)" plural, empty
/// "Raise with" or placeholder date may appear in it.
/// </summary>
public sealed partial class IdentifierScanTests(DemoNolanFactory f) : IClassFixture<DemoNolanFactory>
{
    private const int MaxPagesPerPerson = 45;

    /// <summary>What a reader must never see, with why.</summary>
    private static readonly (Regex Pattern, string Why)[] Forbidden =
    [
        (PresetId(), "a preset identifier (council/version)"),
        (SnakeCase(), "a snake_case key"),
        (PluralS(), "a \"(s)\" plural"),
        (new Regex(@"1 January 2000"), "a placeholder date"),
        (new Regex(@"Raise with\s*(\.|$)", RegexOptions.Multiline), "\"Raise with\" and nobody"),
        (new Regex(@"\{\{|\}\}"), "a template placeholder"),
        (new Regex(@"\b(True|False|null)\b"), "a raw value"),
    ];

    [Theory]
    [InlineData("member@southend-on-sea.demo")]
    [InlineData("hub@southend-on-sea.demo")]
    [InlineData("manager@west-oxfordshire.demo")]
    [InlineData("mo@cambridge.demo")]
    [InlineData("ceo@district-002.demo")]
    [InlineData("officer@south-oxfordshire.demo")]
    [InlineData("admin@nolan.demo")]
    public async Task EveryPageAPersonCanReach_ShowsNoInternalIdentifier(string email)
    {
        using var person = await f.SignInAsync(email);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var problems = new List<string>();
        while (queue.Count > 0 && seen.Count < MaxPagesPerPerson)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            var (response, page) = await person.GetAsync(url);
            if (response.Headers.Location is { } next && next.OriginalString.StartsWith('/'))
            {
                queue.Enqueue(next.OriginalString);
                continue;
            }

            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var (where, text) in Readable(page))
            {
                foreach (var (pattern, why) in Forbidden)
                {
                    if (pattern.Match(text) is { Success: true } m)
                    {
                        problems.Add($"{url} ({where}): {why}: \"{Around(text, m.Index)}\"");
                    }
                }
            }

            foreach (var link in page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                // Pages, not downloads or API; one page of each list (pages 2+ repeat the same text).
                if (!link.StartsWith("/api", StringComparison.Ordinal) && !link.Contains("export", StringComparison.Ordinal)
                    && !link.Contains(".csv", StringComparison.Ordinal) && !link.Contains("page=", StringComparison.Ordinal)
                    && !link.StartsWith("/openapi", StringComparison.Ordinal))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(seen.Count >= 8, $"Only {seen.Count} pages reached from the menu");
        Assert.True(problems.Count == 0, $"{problems.Count} internal identifier(s) shown to {email}:\n" + string.Join("\n", problems.Distinct().Take(40)));
    }

    /// <summary>The text a person reads: headings, paragraphs, table cells, list items, labels, links and buttons.</summary>
    private static IEnumerable<(string Where, string Text)> Readable(IDocument page)
    {
        yield return ("title", page.Title ?? "");
        foreach (var e in page.QuerySelectorAll("h1, h2, h3, p, td, th, li, dt, dd, label, legend, a, button, .govuk-hint, .govuk-tag, summary"))
        {
            // Code samples on the API tokens page show what a developer types.
            if (e.Closest("code, pre") is null)
            {
                yield return (e.LocalName, e.TextContent);
            }
        }
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 30), Math.Min(80, text.Length - Math.Max(0, at - 30))).ReplaceLineEndings(" ").Trim();

    [GeneratedRegex(@"\b(southend-on-sea|west-oxfordshire|cambridge|district-002|south-oxfordshire|vale-of-white-horse)/[\w.-]+")]
    private static partial Regex PresetId();

    // Two or more lower-case words joined by underscores (email addresses and paths excluded by the word boundary on '@' and '/').
    [GeneratedRegex(@"(?<![@/\w.])[a-z]+_[a-z_]+\b")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\w\(s\)")]
    private static partial Regex PluralS();
}
