using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK select: <c>&lt;govuk-select asp-for="Input.ServiceId" label="Service" items="Model.Services" placeholder="Choose a service" /&gt;</c>.
/// The option whose value equals the posted (else the model's) value is selected; with no value,
/// <see cref="SelectListItem.Selected"/> is used. <c>placeholder</c> adds a first option with an empty value.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelperBase
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Extra classes for the label, for example <c>govuk-label--m</c>. Defaults to <c>govuk-label--l</c> for a page heading.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an optional first option with an empty value, for example "Choose a service".</summary>
    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; }

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

        var select = new TagBuilder("select");
        select.AddCssClass(GovukHtml.Classes("govuk-select", error is null ? null : "govuk-select--error"));
        select.Attributes["id"] = id;
        select.Attributes["name"] = FieldName;
        var describedBy = GovukHtml.JoinIds(hintId, errorId);
        if (describedBy.Length > 0)
        {
            select.Attributes["aria-describedby"] = describedBy;
        }

        GovukHtml.CopyUnboundAttributes(output, select);

        var current = CurrentValue;
        if (Placeholder is not null)
        {
            // Shown when no other option is selected, as browsers show the first option.
            select.InnerHtml.AppendHtml(Option(string.Empty, Placeholder, selected: false, disabled: false));
        }

        foreach (var item in Items)
        {
            var value = item.Value ?? item.Text;
            var selected = current is null ? item.Selected : string.Equals(value, current, StringComparison.Ordinal);
            select.InnerHtml.AppendHtml(Option(value, item.Text, selected, item.Disabled));
        }

        group.InnerHtml.AppendHtml(select);
        return group;
    }

    private static TagBuilder Option(string value, string text, bool selected, bool disabled)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }

        if (disabled)
        {
            option.Attributes["disabled"] = "disabled";
        }

        option.InnerHtml.Append(text);
        return option;
    }
}
