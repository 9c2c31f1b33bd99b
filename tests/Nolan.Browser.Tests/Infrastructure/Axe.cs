using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Nolan.Browser.Tests.Infrastructure;

/// <summary>One axe-core rule a page breaks, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public override string ToString()
    {
        var text = new StringBuilder($"[{Impact}] {Id}: {Help} ({HelpUrl})");
        foreach (var node in Nodes)
        {
            text.Append($"\n    at {node.Target}: {node.Html}");
            if (!string.IsNullOrWhiteSpace(node.FailureSummary))
            {
                text.Append($"\n      {node.FailureSummary.ReplaceLineEndings("\n      ")}");
            }
        }

        return text.ToString();
    }
}

public sealed record AxeNode(string Target, string Html, string FailureSummary);

/// <summary>
/// Runs axe-core (npm package, installed by Axe.targets and copied to axe/axe.min.js in the test output) in a page.
/// The page's context must bypass the CSP: Playwright injects the script inline.
/// </summary>
public static class Axe
{
    private const string Run = """
        async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.map(t => String(t)).join(' '),
                    html: n.html,
                    failureSummary: n.failureSummary ?? '',
                })),
            }));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ScriptPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{path} is missing: building Nolan.Browser.Tests runs 'npm ci' in tests/Nolan.Browser.Tests and copies axe-core there (it needs Node.js and npm; NolanSkipFrontend=true skips it).");
            }

            return path;
        }
    }

    /// <summary>Every violation of axe-core's default rules (WCAG 2.x A and AA, and best practice) on the current page.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        var result = await page.EvaluateAsync<JsonElement>(Run);
        return result.Deserialize<List<AxeViolation>>(Json) ?? [];
    }
}
