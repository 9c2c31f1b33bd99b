using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK checkboxes in a fieldset, for a list-of-strings property:
/// <c>&lt;govuk-checkboxes asp-for="Input.Topics" legend="Which topics?" hint="Select all that apply." items="Model.Topics" /&gt;</c>.
/// A box is checked when its value was posted (after a failed POST) or is in the model's list;
/// with neither, <see cref="SelectListItem.Selected"/> is used.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelperBase
{
    private protected override string Kind => "checkboxes";

    private protected override string InputType => "checkbox";

    private protected override string? ExtraListClass => null;

    private protected override Func<SelectListItem, string, bool> CreateIsChecked()
    {
        var values = CurrentValues();
        return (item, value) => values is null ? item.Selected : values.Contains(value);
    }

    private HashSet<string>? CurrentValues()
    {
        var posted = GovukHtml.AttemptedValues(ModelState, FieldName);
        if (posted is not null)
        {
            return new HashSet<string>(posted, StringComparer.Ordinal);
        }

        return For.Model switch
        {
            string single => new HashSet<string>([single], StringComparer.Ordinal),
            System.Collections.IEnumerable many => new HashSet<string>(
                many.Cast<object?>().Select(GovukHtml.Format).OfType<string>(), StringComparer.Ordinal),
            _ => null,
        };
    }
}
