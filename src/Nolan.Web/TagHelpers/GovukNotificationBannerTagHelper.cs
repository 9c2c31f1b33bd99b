using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK notification banner:
/// <c>&lt;govuk-notification-banner success="true"&gt;&lt;h3 class="govuk-notification-banner__heading"&gt;Case closed&lt;/h3&gt;&lt;/govuk-notification-banner&gt;</c>.
/// The title defaults to "Success" (success) or "Important". A success banner has <c>role="alert"</c>, others
/// <c>role="region"</c>. With no content, <c>text</c> is shown as a one-line heading. Give each banner on a page its
/// own <c>title-id</c> if there is more than one.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovukNotificationBannerTagHelper : TagHelper
{
    [HtmlAttributeName("success")]
    public bool Success { get; set; }

    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("title-id")]
    public string TitleId { get; set; } = "govuk-notification-banner-title";

    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = await output.GetChildContentAsync();

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-notification-banner__title");
        title.Attributes["id"] = TitleId;
        title.InnerHtml.Append(Title ?? (Success ? "Success" : "Important"));

        var header = new TagBuilder("div");
        header.AddCssClass("govuk-notification-banner__header");
        header.InnerHtml.AppendHtml(title);

        var content = new TagBuilder("div");
        content.AddCssClass("govuk-notification-banner__content");
        if (childContent.IsEmptyOrWhiteSpace && Text is not null)
        {
            var heading = new TagBuilder("p");
            heading.AddCssClass("govuk-notification-banner__heading");
            heading.InnerHtml.Append(Text);
            content.InnerHtml.AppendHtml(heading);
        }
        else
        {
            content.InnerHtml.AppendHtml(childContent);
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukHtml.Classes("govuk-notification-banner", Success ? "govuk-notification-banner--success" : null));
        output.Attributes.SetAttribute("role", Success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Content.SetHtmlContent(header);
        output.Content.AppendHtml(Environment.NewLine).AppendHtml(content);
    }
}
