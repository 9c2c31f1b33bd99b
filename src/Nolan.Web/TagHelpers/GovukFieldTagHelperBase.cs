using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// Base of the GOV.UK form field tag helpers bound with <c>asp-for</c>. The field's name is the
/// ASP.NET Core full HTML field name (<c>Input.Name</c>), its id the sanitized name
/// (<c>Input_Name</c>), so a ModelState key maps to the id <see cref="GovukErrorSummaryTagHelper"/> links to.
/// Errors and posted values come from <c>ViewContext.ViewData.ModelState</c>.
/// </summary>
public abstract class GovukFieldTagHelperBase : TagHelper
{
    /// <summary>The model property the field edits.</summary>
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Hint text shown under the label or legend.</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    /// <summary>The field's <c>name</c>, also its ModelState key.</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The field's <c>id</c>: the name with '.', '[' and ']' replaced by '_'.</summary>
    protected string FieldId => GovukHtml.IdFor(FieldName);

    /// <summary>The first ModelState error for the field, or null.</summary>
    protected string? ErrorText => GovukHtml.ErrorFor(ModelState, FieldName);

    /// <summary>The posted value when ModelState has one, else the model's value.</summary>
    protected string? CurrentValue =>
        GovukHtml.HasAttemptedValue(ModelState, FieldName)
            ? GovukHtml.AttemptedValue(ModelState, FieldName)
            : GovukHtml.Format(For.Model);

    /// <summary>The text given, else the property's display name, else its name.</summary>
    protected string TextOrDisplayName(string? text) =>
        text ?? For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? For.Name;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null)
        {
            throw new InvalidOperationException($"<{output.TagName}> needs an asp-for attribute.");
        }

        var html = Render(output);
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(html);
    }

    /// <summary>Builds the component; <paramref name="output"/> is passed for its unbound attributes.</summary>
    protected abstract TagBuilder Render(TagHelperOutput output);
}
