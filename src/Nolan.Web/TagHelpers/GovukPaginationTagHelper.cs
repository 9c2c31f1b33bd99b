using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination current-page="3" total-pages="12" href-format="/cases?page={0}" /&gt;</c>.
/// Shows Previous and Next links and page numbers: the first, the last, and the current page with its
/// neighbours, with an ellipsis for the gaps. Renders nothing when there is only one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukPaginationTagHelper : TagHelper
{
    private const string PreviousArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";

    private const string NextArrow =
        "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">"
        + "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    [HtmlAttributeName("current-page")]
    public int CurrentPage { get; set; } = 1;

    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; }

    /// <summary>The link for a page, with <c>{0}</c> standing for the page number.</summary>
    [HtmlAttributeName("href-format")]
    public string HrefFormat { get; set; } = "?page={0}";

    [HtmlAttributeName("landmark-label")]
    public string LandmarkLabel { get; set; } = "Pagination";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var current = Math.Clamp(CurrentPage, 1, TotalPages);
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", LandmarkLabel);
        output.Content.Clear();

        if (current > 1)
        {
            output.Content.AppendHtml(ArrowLink("prev", "Previous", current - 1)).AppendHtml(Environment.NewLine);
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-pagination__list");
        int? previousShown = null;
        foreach (var page in PagesToShow(current, TotalPages))
        {
            if (previousShown is int shown && page > shown + 1)
            {
                var ellipsis = new TagBuilder("li");
                ellipsis.AddCssClass("govuk-pagination__item govuk-pagination__item--ellipsis");
                ellipsis.InnerHtml.AppendHtml("&ctdot;");
                list.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(ellipsis);
            }

            list.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(PageItem(page, page == current));
            previousShown = page;
        }

        list.InnerHtml.AppendHtml(Environment.NewLine);
        output.Content.AppendHtml(list);

        if (current < TotalPages)
        {
            output.Content.AppendHtml(Environment.NewLine).AppendHtml(ArrowLink("next", "Next", current + 1));
        }
    }

    /// <summary>The first and last pages and the current page with its neighbours, in order.</summary>
    internal static IEnumerable<int> PagesToShow(int current, int total) =>
        new[] { 1, current - 1, current, current + 1, total }
            .Where(page => page >= 1 && page <= total)
            .Distinct()
            .Order();

    private string Href(int page) => HrefFormat.Replace("{0}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private TagBuilder PageItem(int page, bool isCurrent)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link govuk-pagination__link");
        link.Attributes["href"] = Href(page);
        link.Attributes["aria-label"] = "Page " + number;
        if (isCurrent)
        {
            link.Attributes["aria-current"] = "page";
        }

        link.InnerHtml.Append(number);

        var item = new TagBuilder("li");
        item.AddCssClass(GovukHtml.Classes("govuk-pagination__item", isCurrent ? "govuk-pagination__item--current" : null));
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private TagBuilder ArrowLink(string type, string text, int page)
    {
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");

        var title = new TagBuilder("span");
        title.AddCssClass("govuk-pagination__link-title");
        title.InnerHtml.Append(text).AppendHtml(hidden);

        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link govuk-pagination__link");
        link.Attributes["href"] = Href(page);
        link.Attributes["rel"] = type;
        if (type == "prev")
        {
            link.InnerHtml.AppendHtml(PreviousArrow).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(NextArrow);
        }

        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass("govuk-pagination__" + type);
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }
}
