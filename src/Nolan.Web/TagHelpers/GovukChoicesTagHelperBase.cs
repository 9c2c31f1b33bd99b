using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// Shared markup of <see cref="GovukRadiosTagHelper"/> and <see cref="GovukCheckboxesTagHelper"/>: a form group,
/// a fieldset with legend, hint and error message, then one item per <see cref="SelectListItem"/>.
/// The first item's id is the field id (so the error summary links to it), later ones add "-2", "-3"…
/// </summary>
public abstract class GovukChoicesTagHelperBase : GovukFieldTagHelperBase
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Extra classes for the legend, for example <c>govuk-fieldset__legend--m</c>. Defaults to <c>govuk-fieldset__legend--l</c> for a page heading.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Smaller radios or checkboxes.</summary>
    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    /// <summary>"radios" or "checkboxes".</summary>
    private protected abstract string Kind { get; }

    private protected abstract string InputType { get; }

    private protected abstract string? ExtraListClass { get; }

    /// <summary>Decides, from the posted or model value, whether an item (with its value) is checked.</summary>
    private protected abstract Func<SelectListItem, string, bool> CreateIsChecked();

    protected override TagBuilder Render(TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorText;
        var hintId = Hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        var group = GovukHtml.FormGroup(error is not null);
        var fieldset = GovukHtml.Fieldset(TextOrDisplayName(Legend), LegendClass, LegendIsPageHeading, GovukHtml.JoinIds(hintId, errorId));
        if (Hint is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint)).AppendHtml(Environment.NewLine);
        }

        if (error is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error)).AppendHtml(Environment.NewLine);
        }

        var list = new TagBuilder("div");
        list.AddCssClass(GovukHtml.Classes("govuk-" + Kind, Small ? "govuk-" + Kind + "--small" : null, ExtraListClass));
        list.Attributes["data-module"] = "govuk-" + Kind;
        GovukHtml.CopyUnboundAttributes(output, list);

        var isChecked = CreateIsChecked();
        var index = 0;
        foreach (var item in Items)
        {
            index++;
            var itemId = index == 1 ? id : id + "-" + index.ToString(CultureInfo.InvariantCulture);
            var value = item.Value ?? item.Text;

            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("govuk-" + Kind + "__item");

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.AddCssClass("govuk-" + Kind + "__input");
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = InputType;
            input.Attributes["value"] = value;
            if (isChecked(item, value))
            {
                input.Attributes["checked"] = "checked";
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            wrapper.InnerHtml.AppendHtml(input).AppendHtml(Environment.NewLine);
            wrapper.InnerHtml.AppendHtml(GovukHtml.Label(itemId, item.Text, "govuk-" + Kind + "__label", isPageHeading: false));
            list.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(wrapper);
        }

        list.InnerHtml.AppendHtml(Environment.NewLine);
        fieldset.InnerHtml.AppendHtml(list);
        group.InnerHtml.AppendHtml(fieldset);
        return group;
    }
}
