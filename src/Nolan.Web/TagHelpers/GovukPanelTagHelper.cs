using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK confirmation panel: <c>&lt;govuk-panel title="Concern logged"&gt;Your reference is &lt;strong&gt;HDJ2123F&lt;/strong&gt;&lt;/govuk-panel&gt;</c>.
/// The title is an <c>h1</c> unless <c>heading-level</c> says otherwise; the body is left out when there is no content.
/// </summary>
[HtmlTargetElement("govuk-panel")]
public sealed class GovukPanelTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = string.Empty;

    [HtmlAttributeName("heading-level")]
    public int HeadingLevel { get; set; } = 1;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (HeadingLevel is < 1 or > 6)
        {
            throw new InvalidOperationException("<govuk-panel> heading-level must be 1 to 6.");
        }

        var childContent = await output.GetChildContentAsync();
        var title = new TagBuilder("h" + HeadingLevel.ToString(CultureInfo.InvariantCulture));
        title.AddCssClass("govuk-panel__title");
        title.InnerHtml.Append(Title);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-panel govuk-panel--confirmation");
        output.Content.SetHtmlContent(title);
        if (!childContent.IsEmptyOrWhiteSpace)
        {
            var body = new TagBuilder("div");
            body.AddCssClass("govuk-panel__body");
            body.InnerHtml.AppendHtml(childContent);
            output.Content.AppendHtml(Environment.NewLine).AppendHtml(body);
        }
    }
}
