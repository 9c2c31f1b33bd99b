using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>GOV.UK back link: <c>&lt;govuk-back-link href="/cases" /&gt;</c> (text defaults to "Back"). Put it in the BeforeContent section.</summary>
[HtmlTargetElement("govuk-back-link", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    [HtmlAttributeName("text")]
    public string Text { get; set; } = "Back";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("class", "govuk-back-link");
        output.Content.SetContent(Text);
    }
}

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;It can take up to 8 weeks.&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovukInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-inset-text");
    }
}

/// <summary>
/// GOV.UK warning text: <c>&lt;govuk-warning-text&gt;You can be fined up to £5,000.&lt;/govuk-warning-text&gt;</c>.
/// <c>icon-fallback-text</c> (default "Warning") is read out in place of the "!" icon.
/// </summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovukWarningTextTagHelper : TagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = await output.GetChildContentAsync();

        var icon = new TagBuilder("span");
        icon.AddCssClass("govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");

        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append(IconFallbackText);

        var text = new TagBuilder("strong");
        text.AddCssClass("govuk-warning-text__text");
        text.InnerHtml.AppendHtml(hidden).Append(" ").AppendHtml(childContent);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-warning-text");
        output.Content.SetHtmlContent(icon);
        output.Content.AppendHtml(Environment.NewLine).AppendHtml(text);
    }
}

/// <summary>GOV.UK details: <c>&lt;govuk-details summary="Help with nationality" open="false"&gt;…&lt;/govuk-details&gt;</c>.</summary>
[HtmlTargetElement("govuk-details")]
public sealed class GovukDetailsTagHelper : TagHelper
{
    [HtmlAttributeName("summary")]
    public string Summary { get; set; } = string.Empty;

    [HtmlAttributeName("open")]
    public bool Open { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = await output.GetChildContentAsync();

        var summaryText = new TagBuilder("span");
        summaryText.AddCssClass("govuk-details__summary-text");
        summaryText.InnerHtml.Append(Summary);

        var summary = new TagBuilder("summary");
        summary.AddCssClass("govuk-details__summary");
        summary.InnerHtml.AppendHtml(summaryText);

        var text = new TagBuilder("div");
        text.AddCssClass("govuk-details__text");
        text.InnerHtml.AppendHtml(childContent);

        output.TagName = "details";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-details");
        if (Open)
        {
            output.Attributes.SetAttribute("open", "open");
        }

        output.Content.SetHtmlContent(summary);
        output.Content.AppendHtml(Environment.NewLine).AppendHtml(text);
    }
}
