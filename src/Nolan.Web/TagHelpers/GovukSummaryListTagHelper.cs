using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK summary list:
/// <code>
/// &lt;govuk-summary-list&gt;
///   &lt;govuk-summary-row key="Name" action-href="/change/name" action-text="Change" action-hidden-text="name"&gt;@Model.Name&lt;/govuk-summary-row&gt;
/// &lt;/govuk-summary-list&gt;
/// </code>
/// When some rows have an action, rows without one get <c>govuk-summary-list__row--no-actions</c>.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-row")]
public sealed class GovukSummaryListTagHelper : TagHelper
{
    /// <summary>Removes the row borders.</summary>
    [HtmlAttributeName("no-border")]
    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<SummaryRow>();
        context.Items[typeof(GovukSummaryListTagHelper)] = rows;
        await output.GetChildContentAsync();

        var anyActions = rows.Exists(r => r.ActionHref is not null);
        var existing = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() : null;
        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukHtml.Classes("govuk-summary-list", NoBorder ? "govuk-summary-list--no-border" : null, existing));
        output.Content.Clear();
        foreach (var row in rows)
        {
            output.Content.AppendHtml(Environment.NewLine).AppendHtml(Row(row, anyActions));
        }

        output.Content.AppendHtml(Environment.NewLine);
    }

    private static TagBuilder Row(SummaryRow row, bool anyActions)
    {
        var div = new TagBuilder("div");
        div.AddCssClass(GovukHtml.Classes(
            "govuk-summary-list__row",
            anyActions && row.ActionHref is null ? "govuk-summary-list__row--no-actions" : null));

        var key = new TagBuilder("dt");
        key.AddCssClass("govuk-summary-list__key");
        key.InnerHtml.Append(row.Key);

        var value = new TagBuilder("dd");
        value.AddCssClass("govuk-summary-list__value");
        value.InnerHtml.AppendHtml(row.Value);

        div.InnerHtml.AppendHtml(key).AppendHtml(Environment.NewLine).AppendHtml(value);
        if (row.ActionHref is not null)
        {
            var link = new TagBuilder("a");
            link.AddCssClass("govuk-link");
            link.Attributes["href"] = row.ActionHref;
            link.InnerHtml.Append(row.ActionText);
            if (!string.IsNullOrEmpty(row.ActionHiddenText))
            {
                var hidden = new TagBuilder("span");
                hidden.AddCssClass("govuk-visually-hidden");
                hidden.InnerHtml.Append(" " + row.ActionHiddenText);
                link.InnerHtml.AppendHtml(hidden);
            }

            var actions = new TagBuilder("dd");
            actions.AddCssClass("govuk-summary-list__actions");
            actions.InnerHtml.AppendHtml(link);
            div.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(actions);
        }

        return div;
    }

    internal sealed record SummaryRow(string Key, IHtmlContent Value, string? ActionHref, string ActionText, string? ActionHiddenText);
}

/// <summary>
/// A row of <see cref="GovukSummaryListTagHelper"/>: <c>key</c> is the label, the content is the value, and an
/// optional action link has <c>action-href</c>, <c>action-text</c> (default "Change") and
/// <c>action-hidden-text</c> (visually hidden, for example the key in lower case).
/// </summary>
[HtmlTargetElement("govuk-summary-row", ParentTag = "govuk-summary-list")]
public sealed class GovukSummaryRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    [HtmlAttributeName("action-href")]
    public string? ActionHref { get; set; }

    [HtmlAttributeName("action-text")]
    public string ActionText { get; set; } = "Change";

    [HtmlAttributeName("action-hidden-text")]
    public string? ActionHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovukSummaryListTagHelper), out var rows) && rows is List<GovukSummaryListTagHelper.SummaryRow> list)
        {
            // Copied out now: the list renders after this element's buffers may have been reused.
            var value = new HtmlString(content.GetContent());
            list.Add(new GovukSummaryListTagHelper.SummaryRow(Key, value, ActionHref, ActionText, ActionHiddenText));
        }

        output.SuppressOutput();
    }
}
