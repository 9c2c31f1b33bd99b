using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK date input for a <see cref="DateParts"/> property:
/// <c>&lt;govuk-date-input asp-for="Input.Start" legend="When did it start?" hint="For example, 27 3 2026" /&gt;</c>.
/// </summary>
/// <remarks>
/// Naming convention, for property <c>X</c> (full name, for example <c>Input.Start</c>):
/// <list type="bullet">
/// <item>the boxes are named <c>X.Day</c>, <c>X.Month</c>, <c>X.Year</c> with ids <c>X_Day</c>, <c>X_Month</c>, <c>X_Year</c>;</item>
/// <item>the hint and error message have ids <c>X-hint</c> and <c>X-error</c>; the <c>govuk-date-input</c> div has id <c>X</c>;</item>
/// <item>an error on ModelState key <c>X</c> is about the whole date: every box is marked in error and
/// <see cref="GovukErrorSummaryTagHelper"/> links it to <c>#X_Day</c>;</item>
/// <item>an error on <c>X.Day</c>, <c>X.Month</c> or <c>X.Year</c> marks only that box and the summary links to it,
/// so for "Date must include a year" add the error under <c>X.Year</c>.</item>
/// </list>
/// Posted values (ModelState) are shown in preference to the model's.
/// </remarks>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelperBase
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    /// <summary>Extra classes for the legend, for example <c>govuk-fieldset__legend--m</c>. Defaults to <c>govuk-fieldset__legend--l</c> for a page heading.</summary>
    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>Set to "bday" for a date of birth: the boxes get bday-day, bday-month and bday-year.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    protected override TagBuilder Render(TagHelperOutput output)
    {
        var name = FieldName;
        var id = FieldId;
        var model = For.Model as DateParts;
        (string Part, string Autocomplete, string? ModelValue, string WidthClass)[] parts =
        [
            ("Day", "day", model?.Day, "govuk-input--width-2"),
            ("Month", "month", model?.Month, "govuk-input--width-2"),
            ("Year", "year", model?.Year, "govuk-input--width-4"),
        ];

        var wholeError = GovukHtml.ErrorFor(ModelState, name);
        var partErrors = parts.Select(p => GovukHtml.ErrorFor(ModelState, name + "." + p.Part)).ToArray();
        var error = wholeError ?? partErrors.FirstOrDefault(e => e is not null);
        var hintId = Hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        var group = GovukHtml.FormGroup(error is not null);
        var fieldset = GovukHtml.Fieldset(TextOrDisplayName(Legend), LegendClass, LegendIsPageHeading, GovukHtml.JoinIds(hintId, errorId), role: "group");
        if (Hint is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint)).AppendHtml(Environment.NewLine);
        }

        if (error is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error)).AppendHtml(Environment.NewLine);
        }

        var dateInput = new TagBuilder("div");
        dateInput.AddCssClass("govuk-date-input");
        dateInput.Attributes["id"] = id;
        GovukHtml.CopyUnboundAttributes(output, dateInput);

        for (var i = 0; i < parts.Length; i++)
        {
            var (part, autocomplete, modelValue, widthClass) = parts[i];
            var partName = name + "." + part;
            var partId = GovukHtml.IdFor(partName);
            var value = GovukHtml.HasAttemptedValue(ModelState, partName) ? GovukHtml.AttemptedValue(ModelState, partName) : modelValue;
            var partHasError = wholeError is not null || partErrors[i] is not null;

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.StartTag };
            input.AddCssClass(GovukHtml.Classes(
                "govuk-input",
                "govuk-date-input__input",
                partHasError ? "govuk-input--error" : null,
                widthClass));
            input.Attributes["id"] = partId;
            input.Attributes["name"] = partName;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            if (!string.IsNullOrEmpty(value))
            {
                input.Attributes["value"] = value;
            }

            if (Autocomplete is not null)
            {
                input.Attributes["autocomplete"] = Autocomplete + "-" + autocomplete;
            }

            var partGroup = GovukHtml.FormGroup(hasError: false);
            partGroup.InnerHtml.AppendHtml(GovukHtml.Label(partId, part, "govuk-date-input__label", isPageHeading: false)).AppendHtml(Environment.NewLine);
            partGroup.InnerHtml.AppendHtml(input);

            var item = new TagBuilder("div");
            item.AddCssClass("govuk-date-input__item");
            item.InnerHtml.AppendHtml(partGroup);
            dateInput.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(item);
        }

        dateInput.InnerHtml.AppendHtml(Environment.NewLine);
        fieldset.InnerHtml.AppendHtml(dateInput);
        group.InnerHtml.AppendHtml(fieldset);
        return group;
    }
}
