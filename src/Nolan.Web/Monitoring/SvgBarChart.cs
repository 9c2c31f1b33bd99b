using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Nolan.Web.Monitoring;

/// <summary>One bar: its label on the axis, its height, and the text read out for it.</summary>
public sealed record Bar(string Label, double Value, string Text);

/// <summary>
/// A bar chart drawn on the server as SVG: no JavaScript, prints as it shows, scales with the page. It is an image
/// with a name (<c>role="img"</c>, labelled by its title); the numbers themselves are in the table the page puts beside
/// it, which is what a screen reader user reads.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 44;
    private const int Bottom = 40;
    private const int Top = 16;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars, double? max = null, string? unit = null)
    {
        var enc = HtmlEncoder.Default;
        var top = max ?? Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        top = NiceCeiling(top);
        var plotHeight = Height - Bottom - Top;
        var plotWidth = Width - Left - 8;
        var slot = bars.Count == 0 ? plotWidth : (double)plotWidth / bars.Count;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"nolan-chart\" id=\"{enc.Encode(id)}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{enc.Encode(id)}-title\" preserveAspectRatio=\"xMidYMid meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{enc.Encode(id)}-title\">{enc.Encode(title)} (the figures are in the table below)</title>");
        // Gridlines at 0, half and the top, with their values.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotHeight - (fraction * plotHeight);
            var value = top * fraction;
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"nolan-chart__grid\" x1=\"{Left}\" x2=\"{Width - 8}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" />");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"nolan-chart__axis\" x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{enc.Encode(Format(value, unit))}</text>");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = top <= 0 ? 0 : Math.Max(0, b.Value) / top * plotHeight;
            var x = Left + (i * slot) + (slot * 0.15);
            var w = slot * 0.7;
            var y = Top + plotHeight - h;
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"nolan-chart__bar\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\"><title>{enc.Encode(b.Label)}: {enc.Encode(b.Text)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"nolan-chart__label\" x=\"{x + (w / 2):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{enc.Encode(b.Label)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Format(double value, string? unit) =>
        unit == "%" ? value.ToString("0", CultureInfo.InvariantCulture) + "%" : value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>1, 2, 5, 10, 20, 50, ... at or above <paramref name="v"/>, so the axis reads in round numbers.</summary>
    private static double NiceCeiling(double v)
    {
        if (v <= 1)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= v)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
