using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Nolan.Core.Calendar;

namespace Nolan.Core.DataProtection;

/// <summary>
/// The readable page inside a subject access export (<c>index.html</c>): the same records as its JSON files, as
/// headed sections of labelled values, with times in London time. One self-contained file that opens in any browser,
/// with no script and nothing fetched.
/// </summary>
internal static class SubjectAccessPage
{
    public static string Render(JsonElement request, JsonElement person, JsonElement enquiries, JsonElement entries, JsonElement messages,
        JsonElement notifications, JsonElement auditEvents)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>What Nolan holds about you</title>
            <style>
            body { font-family: Arial, sans-serif; color: #0b0c0c; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
            h1, h2, h3 { line-height: 1.2; } h2 { border-top: 2px solid #b1b4b6; padding-top: .5em; margin-top: 2em; }
            dl { display: grid; grid-template-columns: 14em 1fr; gap: .25em 1em; margin: 0 0 1em; }
            dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
            ol { padding-left: 1.2em; } li { margin-bottom: 1em; } .none { color: #505a5f; }
            </style>
            </head>
            <body>
            <h1>What Nolan holds about a person</h1>
            """);
        html.Append("<p>This export was made under a subject access request (UK GDPR Article 15). The same records are in the JSON files beside this page.</p>\n");
        Section(html, "The request", request);
        Section(html, "Account and directory records", person);
        Section(html, "Enquiries", enquiries, "reference");
        Section(html, "Entries they wrote in enquiry files", entries, "enquiry");
        Section(html, "Messages sent to them", messages, "subject");
        Section(html, "In-app notifications", notifications, "title");
        Section(html, "Audit events by or about them", auditEvents, "action");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string title, JsonElement value, string? headingKey = null)
    {
        html.Append("<h2>").Append(Encode(title)).Append("</h2>\n");
        if (value.ValueKind == JsonValueKind.Array && headingKey is not null)
        {
            if (value.GetArrayLength() == 0)
            {
                html.Append("<p class=\"none\">None.</p>\n");
                return;
            }

            foreach (var item in value.EnumerateArray())
            {
                var heading = item.ValueKind == JsonValueKind.Object && item.TryGetProperty(headingKey, out var h) ? Text(h) : "";
                html.Append("<h3>").Append(Encode(heading)).Append("</h3>\n");
                Value(html, item);
            }

            return;
        }

        Value(html, value);
    }

    private static void Value(StringBuilder html, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<dl>\n");
                foreach (var p in value.EnumerateObject())
                {
                    html.Append("<dt>").Append(Encode(Label(p.Name))).Append("</dt><dd>");
                    Value(html, p.Value);
                    html.Append("</dd>\n");
                }

                html.Append("</dl>\n");
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                html.Append("<span class=\"none\">None</span>");
                break;
            case JsonValueKind.Array:
                html.Append("<ol>\n");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<li>");
                    Value(html, item);
                    html.Append("</li>\n");
                }

                html.Append("</ol>\n");
                break;
            default:
                html.Append(Encode(Text(value)));
                break;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "\u2014",
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.String when value.GetString() is { } s && s.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) => LondonTime.FormatDateTime(t),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    /// <summary><c>receivedAt</c> → <c>Received at</c>.</summary>
    private static string Label(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
