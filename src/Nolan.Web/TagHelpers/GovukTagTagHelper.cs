using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Resolved&lt;/govuk-tag&gt;</c> renders <c>&lt;strong class="govuk-tag govuk-tag--green"&gt;</c>.
/// Colours: grey, green, turquoise (or teal), blue or light-blue (both the default tag: GOV.UK Frontend 6 has no
/// separate blue classes), purple, pink (or magenta), red, orange, yellow. No colour is the default tag.
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovukTagTagHelper : TagHelper
{
    private static readonly Dictionary<string, string?> ColourClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grey"] = "govuk-tag--grey",
        ["green"] = "govuk-tag--green",
        ["turquoise"] = "govuk-tag--turquoise",
        ["teal"] = "govuk-tag--teal",
        ["blue"] = null,
        ["light-blue"] = null,
        ["purple"] = "govuk-tag--purple",
        ["pink"] = "govuk-tag--pink",
        ["magenta"] = "govuk-tag--magenta",
        ["red"] = "govuk-tag--red",
        ["orange"] = "govuk-tag--orange",
        ["yellow"] = "govuk-tag--yellow",
    };

    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? colourClass = null;
        if (!string.IsNullOrEmpty(Colour) && !ColourClasses.TryGetValue(Colour, out colourClass))
        {
            throw new InvalidOperationException(
                $"<govuk-tag> colour '{Colour}' is not a GOV.UK tag colour. Use one of: {string.Join(", ", ColourClasses.Keys)}.");
        }

        var existing = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() : null;
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukHtml.Classes("govuk-tag", colourClass, existing));
    }
}
