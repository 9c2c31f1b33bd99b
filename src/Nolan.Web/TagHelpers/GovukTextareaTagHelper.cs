using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Input.Details" label="Details" hint="..." rows="8" /&gt;</c>.
/// Attributes not listed here (for example <c>maxlength</c>) are copied onto the <c>&lt;textarea&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelperBase
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Extra classes for the label, for example <c>govuk-label--m</c>. Defaults to <c>govuk-label--l</c> for a page heading.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

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

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass(GovukHtml.Classes("govuk-textarea", error is null ? null : "govuk-textarea--error"));
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(CultureInfo.InvariantCulture);
        if (Spellcheck is bool spellcheck)
        {
            textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        var describedBy = GovukHtml.JoinIds(hintId, errorId);
        if (describedBy.Length > 0)
        {
            textarea.Attributes["aria-describedby"] = describedBy;
        }

        if (Autocomplete is not null)
        {
            textarea.Attributes["autocomplete"] = Autocomplete;
        }

        GovukHtml.CopyUnboundAttributes(output, textarea);

        // Browsers drop one newline straight after <textarea>; write one so a value's own leading newline survives.
        textarea.InnerHtml.AppendHtml(Environment.NewLine);
        textarea.InnerHtml.Append(CurrentValue ?? string.Empty);
        group.InnerHtml.AppendHtml(textarea);
        return group;
    }
}
