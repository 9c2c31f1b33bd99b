using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK button: <c>&lt;govuk-button text="Save" secondary="false" warning="false" prevent-double-click="true" /&gt;</c>
/// renders <c>&lt;button type="submit" class="govuk-button" data-module="govuk-button"&gt;</c>. Other attributes
/// (<c>formaction</c>, <c>id</c>, <c>class</c>…) are kept. With no <c>text</c>, the element's content is the label.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovukButtonTagHelper : TagHelper
{
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    [HtmlAttributeName("type")]
    public string Type { get; set; } = "submit";

    [HtmlAttributeName("name")]
    public string? Name { get; set; }

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    [HtmlAttributeName("secondary")]
    public bool Secondary { get; set; }

    [HtmlAttributeName("warning")]
    public bool Warning { get; set; }

    [HtmlAttributeName("disabled")]
    public bool Disabled { get; set; }

    /// <summary>When set, written as <c>data-prevent-double-click</c> ("true" or "false").</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool? PreventDoubleClick { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = Text is null ? await output.GetChildContentAsync() : null;

        output.TagName = "button";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("type", Type);
        if (Name is not null)
        {
            output.Attributes.SetAttribute("name", Name);
        }

        if (Value is not null)
        {
            output.Attributes.SetAttribute("value", Value);
        }

        if (Disabled)
        {
            output.Attributes.SetAttribute("disabled", "disabled");
            output.Attributes.SetAttribute("aria-disabled", "true");
        }

        if (PreventDoubleClick is bool prevent)
        {
            output.Attributes.SetAttribute("data-prevent-double-click", prevent ? "true" : "false");
        }

        GovukButtonClasses.Apply(output, Secondary, Warning, start: false);
        output.Attributes.SetAttribute("data-module", "govuk-button");
        if (Text is not null)
        {
            output.Content.SetContent(Text);
        }
        else
        {
            output.Content.SetHtmlContent(childContent);
        }
    }
}

/// <summary>
/// A link styled as a GOV.UK button: <c>&lt;govuk-button-link href="/cases/new" text="Log a concern" secondary="false" /&gt;</c>
/// renders <c>&lt;a href="…" role="button" draggable="false" class="govuk-button" data-module="govuk-button"&gt;</c>.
/// <c>start="true"</c> makes it a start button with the arrow.
/// </summary>
[HtmlTargetElement("govuk-button-link")]
public sealed class GovukButtonLinkTagHelper : TagHelper
{
    private const string StartIcon =
        "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" focusable=\"false\">"
        + "<path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/></svg>";

    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    [HtmlAttributeName("secondary")]
    public bool Secondary { get; set; }

    [HtmlAttributeName("warning")]
    public bool Warning { get; set; }

    [HtmlAttributeName("start")]
    public bool Start { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = Text is null ? await output.GetChildContentAsync() : null;

        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("role", "button");
        output.Attributes.SetAttribute("draggable", "false");
        GovukButtonClasses.Apply(output, Secondary, Warning, Start);
        output.Attributes.SetAttribute("data-module", "govuk-button");
        if (Text is not null)
        {
            output.Content.SetContent(Text);
        }
        else
        {
            output.Content.SetHtmlContent(childContent);
        }

        if (Start)
        {
            output.Content.AppendHtml(StartIcon);
        }
    }
}

internal static class GovukButtonClasses
{
    public static void Apply(TagHelperOutput output, bool secondary, bool warning, bool start)
    {
        var existing = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() : null;
        output.Attributes.SetAttribute("class", GovukHtml.Classes(
            "govuk-button",
            secondary ? "govuk-button--secondary" : null,
            warning ? "govuk-button--warning" : null,
            start ? "govuk-button--start" : null,
            existing));
    }
}
