using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nolan.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary built from ModelState: <c>&lt;govuk-error-summary /&gt;</c> at the top of the main column.
/// Renders nothing when there are no errors. Each field error links to the field's id (the ModelState key
/// with '.', '[' and ']' made '_'); an error on a <see cref="DateParts"/> property <c>X</c> links to
/// <c>#X_Day</c>; model-level errors (key "") are listed first, without a link. Errors follow the order
/// the properties are declared in the page's model, so they match the order of the form.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ViewData.ModelState;
        var root = ViewContext.ViewData.ModelMetadata;
        var errors = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (entry.Key, Message: GovukHtml.MessageOf(entry.Value!.Errors[0]), Order: OrderOf(root, entry.Key)))
            .OrderBy(error => error.Order, OrderComparer.Instance)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-list govuk-error-summary__list");
        foreach (var (key, message, _) in errors)
        {
            var item = new TagBuilder("li");
            if (key.Length == 0)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TargetId(modelState, root, key);
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(Environment.NewLine).AppendHtml(item);
        }

        list.InnerHtml.AppendHtml(Environment.NewLine);

        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append(Title);

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);

        // role="alert" sits on an inner element, as in GOV.UK Frontend, so focusing the summary does not race the announcement.
        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(Environment.NewLine).AppendHtml(body);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(alert);
    }

    /// <summary>The id of the element an error on <paramref name="key"/> should take the user to.</summary>
    internal static string TargetId(ModelStateDictionary modelState, ModelMetadata? root, string key)
    {
        var isDate = modelState.ContainsKey(key + ".Day") || Find(root, key)?.UnderlyingOrModelType == typeof(DateParts);
        return GovukHtml.IdFor(isDate ? key + ".Day" : key);
    }

    private static ModelMetadata? Find(ModelMetadata? root, string key)
    {
        var metadata = root;
        foreach (var segment in key.Split('.'))
        {
            if (metadata is null)
            {
                return null;
            }

            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            metadata = name.Length == 0 ? metadata : metadata.Properties[name];
            if (bracket >= 0)
            {
                metadata = metadata?.ElementMetadata;
            }
        }

        return metadata;
    }

    /// <summary>Position of each segment of the key among its parent's properties (and list indexes), for sorting.</summary>
    private static List<int> OrderOf(ModelMetadata? root, string key)
    {
        var order = new List<int>();
        if (key.Length == 0)
        {
            return order;
        }

        var metadata = root;
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            ModelMetadata? next = null;
            var position = int.MaxValue;
            if (metadata is not null)
            {
                var index = 0;
                foreach (var property in metadata.Properties)
                {
                    if (string.Equals(property.PropertyName, name, StringComparison.Ordinal))
                    {
                        position = index;
                        next = property;
                        break;
                    }

                    index++;
                }
            }

            order.Add(position);
            if (bracket >= 0)
            {
                var closing = segment.IndexOf(']', bracket);
                var indexText = closing > bracket ? segment[(bracket + 1)..closing] : string.Empty;
                order.Add(int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var itemIndex) ? itemIndex : int.MaxValue);
                next = next?.ElementMetadata;
            }

            metadata = next;
        }

        return order;
    }

    private sealed class OrderComparer : IComparer<List<int>>
    {
        public static readonly OrderComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
