using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK text input: <c>&lt;govuk-input asp-for="Input.Email" label="Email address" type="email" autocomplete="email" spellcheck="false" /&gt;</c>.
/// Attributes not listed here (for example <c>maxlength</c>, <c>inputmode</c>) are copied onto the <c>&lt;input&gt;</c>.
/// A password input never echoes its value.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelperBase
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Extra classes for the label, for example <c>govuk-label--m</c>. Defaults to <c>govuk-label--l</c> for a page heading.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>Extra classes for the input, for example <c>govuk-input--width-20</c>.</summary>
    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    /// <summary>text (default), email, password, number, tel, url or search.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    protected override TagBuilder Render(TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorText;
        var hintId = Hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        var group = GovukHtml.FormGroup(error is not null);
        var labelClass = LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null);
        group.InnerHtml.AppendHtml(GovukHtml.Label(id, TextOrDisplayName(Label), labelClass, LabelIsPageHeading)).AppendHtml(Environment.NewLine);
        if (Hint is not null)
        {
            group.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint)).AppendHtml(Environment.NewLine);
        }

        if (error is not null)
        {
            group.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error)).AppendHtml(Environment.NewLine);
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass(GovukHtml.Classes("govuk-input", InputClass, error is null ? null : "govuk-input--error"));
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        if (Spellcheck is bool spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        var value = CurrentValue;
        if (value is not null && !string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase))
        {
            input.Attributes["value"] = value;
        }

        var describedBy = GovukHtml.JoinIds(hintId, errorId);
        if (describedBy.Length > 0)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        GovukHtml.CopyUnboundAttributes(output, input);
        group.InnerHtml.AppendHtml(input);
        return group;
    }
}
