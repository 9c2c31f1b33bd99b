using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK radios in a fieldset:
/// <c>&lt;govuk-radios asp-for="Input.Route" legend="How was it raised?" hint="..." items="Model.Routes" inline="true" legend-is-page-heading="true" /&gt;</c>.
/// The radio whose value equals the posted (else the model's) value is checked; with no value,
/// <see cref="SelectListItem.Selected"/> is used. Values compare case-insensitively, so a bool
/// property matches items with values "true" and "false".
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelperBase
{
    /// <summary>Lay two short options side by side.</summary>
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    private protected override string Kind => "radios";

    private protected override string InputType => "radio";

    private protected override string? ExtraListClass => Inline ? "govuk-radios--inline" : null;

    private protected override Func<SelectListItem, string, bool> CreateIsChecked()
    {
        var current = CurrentValue;
        return (item, value) => current is null ? item.Selected : string.Equals(value, current, StringComparison.OrdinalIgnoreCase);
    }
}
