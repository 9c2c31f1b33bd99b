using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// Building blocks shared by the GOV.UK tag helpers: ids, ModelState look-ups and the
/// label, hint, error message, form group and fieldset markup of GOV.UK Frontend 6.
/// All text passed in is HTML-encoded by <see cref="TagBuilder"/>.
/// </summary>
internal static class GovukHtml
{
    /// <summary>What replaces '.' and other invalid characters in ids, as ASP.NET Core's default.</summary>
    public const string IdDotReplacement = "_";

    /// <summary>Used when a ModelState error carries no message (for example an exception).</summary>
    public const string FallbackErrorMessage = "Enter a valid value";

    /// <summary>The element id ASP.NET Core generates for a field name: <c>Input.Name</c> becomes <c>Input_Name</c>.</summary>
    public static string IdFor(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, IdDotReplacement);

    /// <summary>The first error message recorded against <paramref name="key"/>, or null.</summary>
    public static string? ErrorFor(ModelStateDictionary modelState, string key)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }

        return MessageOf(entry.Errors[0]);
    }

    public static string MessageOf(ModelError error) =>
        string.IsNullOrWhiteSpace(error.ErrorMessage) ? FallbackErrorMessage : error.ErrorMessage;

    /// <summary>True when ModelState holds a posted value for <paramref name="key"/>.</summary>
    public static bool HasAttemptedValue(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.RawValue is not null;

    /// <summary>The value the user posted for <paramref name="key"/>, or null when nothing was posted.</summary>
    public static string? AttemptedValue(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.RawValue is not null ? entry.AttemptedValue : null;

    /// <summary>Every value posted for <paramref name="key"/> (checkboxes post several), or null when nothing was posted.</summary>
    public static IReadOnlyList<string>? AttemptedValues(ModelStateDictionary modelState, string key)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.RawValue is null)
        {
            return null;
        }

        return entry.RawValue switch
        {
            string s => [s],
            IEnumerable<string?> many => many.Where(v => v is not null).Select(v => v!).ToList(),
            var other => [Format(other) ?? string.Empty],
        };
    }

    /// <summary>Formats a model value the way it is shown in an input.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString(),
    };

    public static string JoinIds(params string?[] ids)
    {
        var present = ids.Where(id => !string.IsNullOrEmpty(id));
        return string.Join(' ', present);
    }

    public static TagBuilder FormGroup(bool hasError, string? extraClass = null)
    {
        var group = new TagBuilder("div");
        group.AddCssClass(Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null, extraClass));
        return group;
    }

    /// <summary>A GOV.UK label, wrapped in <c>&lt;h1 class="govuk-label-wrapper"&gt;</c> when it is the page heading.</summary>
    public static IHtmlContent Label(string forId, string text, string? extraClass, bool isPageHeading)
    {
        var label = new TagBuilder("label");
        label.AddCssClass(Classes("govuk-label", extraClass));
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading)
        {
            return label;
        }

        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static TagBuilder Hint(string id, string text, string? extraClass = null)
    {
        var hint = new TagBuilder("div");
        hint.Attributes["id"] = id;
        hint.AddCssClass(Classes("govuk-hint", extraClass));
        hint.InnerHtml.Append(text);
        return hint;
    }

    /// <summary>GOV.UK error message: <c>&lt;p class="govuk-error-message"&gt;&lt;span class="govuk-visually-hidden"&gt;Error:&lt;/span&gt; text&lt;/p&gt;</c>.</summary>
    public static TagBuilder ErrorMessage(string id, string text)
    {
        var message = new TagBuilder("p");
        message.Attributes["id"] = id;
        message.AddCssClass("govuk-error-message");
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append("Error:");
        message.InnerHtml.AppendHtml(hidden);
        message.InnerHtml.Append(" " + text);
        return message;
    }

    /// <summary>A GOV.UK fieldset with its legend (an <c>h1</c> inside the legend when it is the page heading).</summary>
    public static TagBuilder Fieldset(string? legend, string? legendClass, bool legendIsPageHeading, string? describedBy, string? role = null)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (role is not null)
        {
            fieldset.Attributes["role"] = role;
        }

        if (!string.IsNullOrEmpty(describedBy))
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        if (string.IsNullOrEmpty(legend))
        {
            return fieldset;
        }

        var legendTag = new TagBuilder("legend");
        legendTag.AddCssClass(Classes("govuk-fieldset__legend", legendClass ?? (legendIsPageHeading ? "govuk-fieldset__legend--l" : null)));
        if (legendIsPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(legend);
            legendTag.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendTag.InnerHtml.Append(legend);
        }

        fieldset.InnerHtml.AppendHtml(legendTag).AppendHtml(Environment.NewLine);
        return fieldset;
    }

    /// <summary>Joins CSS classes, skipping empty ones.</summary>
    public static string Classes(params string?[] classes) =>
        string.Join(' ', classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()));

    /// <summary>Copies attributes the page set on the tag helper element (for example <c>maxlength</c>) onto the rendered control.</summary>
    public static void CopyUnboundAttributes(TagHelperOutput output, TagBuilder control)
    {
        foreach (var attribute in output.Attributes)
        {
            var value = attribute.Value switch
            {
                null => string.Empty,
                IHtmlContent html => ToText(html),
                var other => Format(other) ?? string.Empty,
            };
            if (string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase))
            {
                control.AddCssClass(value);
            }
            else
            {
                control.MergeAttribute(attribute.Name, value, replaceExisting: false);
            }
        }

        output.Attributes.Clear();
    }

    private static string ToText(IHtmlContent html)
    {
        // Attribute values Razor hands over are already encoded; decode once so TagBuilder encodes once.
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }
}
