using System.Net;
using System.Text.RegularExpressions;
using Markdig;

namespace Nolan.Core.Notifications;

/// <summary>A message ready to queue: subject, plain text and HTML.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>
/// Message templates in plain English, one Markdown file per message under <c>templates/default/</c>, overridden
/// per council by a file of the same name under <c>templates/{council-slug}/</c>. A file is a <c>subject:</c> line,
/// a <c>---</c> line, then the body with <c>{{placeholders}}</c>. The plain-text part is the Markdown itself; the
/// HTML part is rendered by Markdig with raw HTML disabled and every value HTML-encoded.
/// </summary>
public sealed partial class MessageTemplates
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private readonly Dictionary<(string Council, string Key), (string Subject, string Body)> _templates = [];

    public MessageTemplates(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Message templates folder not found: {directory}");
        }

        foreach (var file in Directory.GetFiles(directory, "*.md", SearchOption.AllDirectories))
        {
            var council = Path.GetFileName(Path.GetDirectoryName(file))!;
            var key = Path.GetFileNameWithoutExtension(file);
            _templates[(council, key)] = Parse(File.ReadAllText(file), file);
        }
    }

    /// <summary>Keys of the default templates.</summary>
    public IEnumerable<string> Keys => _templates.Keys.Where(k => k.Council == "default").Select(k => k.Key).Order(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="councilSlug"/> has its own version of <paramref name="key"/>.</summary>
    public bool IsOverridden(string councilSlug, string key) => _templates.ContainsKey((councilSlug, key));

    /// <summary>Renders a template for a council, falling back to the default.</summary>
    public RenderedMessage Render(string councilSlug, string key, IReadOnlyDictionary<string, string> values)
    {
        if (!_templates.TryGetValue((councilSlug, key), out var t) && !_templates.TryGetValue(("default", key), out t))
        {
            throw new KeyNotFoundException($"No message template '{key}'.");
        }

        var subject = Fill(t.Subject, values, v => v).ReplaceLineEndings(" ");
        var text = Fill(t.Body, values, v => v);

        // Values go into the HTML after Markdown rendering, encoded, so a subject like "*urgent*" or "<b>" stays text. The
        // stand-ins carry a nonce made for this rendering and are swapped in one pass, so nothing a person typed can
        // pose as one (and no value is read again after it is put in).
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        var tokens = new List<string>();
        var withTokens = Fill(t.Body, values, v =>
        {
            tokens.Add(WebUtility.HtmlEncode(v).ReplaceLineEndings("<br />"));
            return $"NOLAN{nonce}V{tokens.Count - 1}X";
        });
        var html = Regex.Replace(Markdown.ToHtml(withTokens, Pipeline), $"NOLAN{nonce}V([0-9]+)X",
            m => tokens[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        return new RenderedMessage(subject, text, html);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, Func<string, string> encode) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? encode(v)
            : throw new KeyNotFoundException($"The template needs a value for '{m.Groups[1].Value}'."));

    private static (string Subject, string Body) Parse(string content, string file)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 3 || !lines[0].StartsWith("subject:", StringComparison.OrdinalIgnoreCase) || lines[1].Trim() != "---")
        {
            throw new FormatException($"{file}: a template starts with a 'subject: ...' line and a '---' line.");
        }

        return (lines[0]["subject:".Length..].Trim(), string.Join('\n', lines.Skip(2)).Trim() + "\n");
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
