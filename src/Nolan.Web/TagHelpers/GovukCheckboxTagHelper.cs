using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// One GOV.UK checkbox for a bool property, without a fieldset:
/// <c>&lt;govuk-checkbox asp-for="Input.Confirmed" label="I confirm the details are correct" hint="..." /&gt;</c>.
/// It posts "true" when ticked; a hidden "false" after it (as ASP.NET Core's own checkbox does) makes an
/// unticked box bind false. The hint is shown under the label as an item hint.
/// </summary>
[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelperBase
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    protected override TagBuilder Render(TagHelperOutput output)
    {
        var id = FieldId;
        var error = ErrorText;
        var hintId = Hint is null ? null : id + "-item-hint";
        var errorId = error is null ? null : id + "-error";

        var group = GovukHtml.FormGroup(error is not null);
        if (error is not null)
        {
            group.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error)).AppendHtml(Environment.NewLine);
        }

        var list = new TagBuilder("div");
        list.AddCssClass(GovukHtml.Classes("govuk-checkboxes", Small ? "govuk-checkboxes--small" : null));
        list.Attributes["data-module"] = "govuk-checkboxes";

        var item = new TagBuilder("div");
        item.AddCssClass("govuk-checkboxes__item");

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        input.AddCssClass("govuk-checkboxes__input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = "checkbox";
        input.Attributes["value"] = "true";
        if (IsTicked())
        {
            input.Attributes["checked"] = "checked";
        }

        var describedBy = GovukHtml.JoinIds(errorId, hintId);
        if (describedBy.Length > 0)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        GovukHtml.CopyUnboundAttributes(output, input);
        item.InnerHtml.AppendHtml(input).AppendHtml(Environment.NewLine);
        item.InnerHtml.AppendHtml(GovukHtml.Label(id, TextOrDisplayName(Label), "govuk-checkboxes__label", isPageHeading: false));
        if (Hint is not null)
        {
            item.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(GovukHtml.Hint(hintId!, Hint, "govuk-checkboxes__hint"));
        }

        list.InnerHtml.AppendHtml(item);
        group.InnerHtml.AppendHtml(list);

        var hidden = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
        hidden.Attributes["type"] = "hidden";
        hidden.Attributes["name"] = FieldName;
        hidden.Attributes["value"] = "false";
        group.InnerHtml.AppendHtml(hidden);
        return group;
    }

    private bool IsTicked()
    {
        var posted = GovukHtml.AttemptedValues(ModelState, FieldName);
        if (posted is not null)
        {
            return posted.Count > 0 && bool.TryParse(posted[0], out var ticked) && ticked;
        }

        return For.Model is true;
    }
}
