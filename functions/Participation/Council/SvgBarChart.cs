using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Participation.App.Council;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, prints well, and the same numbers sit in a
/// data table beside it for screen readers (the SVG is decorative for them: aria-hidden).
/// </summary>
public static class SvgBarChart
{
    public static IHtmlContent Render(IReadOnlyList<CouncilDashboard.Count> rows, string currentLabel, string previousLabel)
    {
        const int labelWidth = 190, barArea = 380, rowHeight = 34, top = 28;
        var max = Math.Max(1, rows.Max(r => (int?)Math.Max(r.Current, r.Previous)) ?? 1);
        var height = top + rows.Count * rowHeight + 8;
        var svg = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {labelWidth + barArea + 50} {height}\" width=\"{labelWidth + barArea + 50}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\">");
        svg.Append(c, $"<rect x=\"{labelWidth}\" y=\"6\" width=\"12\" height=\"12\" class=\"chart__bar\"/><text x=\"{labelWidth + 18}\" y=\"17\" class=\"chart__label\">{E(currentLabel)}</text>");
        svg.Append(c, $"<rect x=\"{labelWidth + 200}\" y=\"6\" width=\"12\" height=\"12\" class=\"chart__bar chart__bar--previous\"/><text x=\"{labelWidth + 218}\" y=\"17\" class=\"chart__label\">{E(previousLabel)}</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = top + i * rowHeight;
            var now = barArea * row.Current / max;
            var before = barArea * row.Previous / max;
            svg.Append(c, $"<text x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\" class=\"chart__label\">{E(row.Name)}</text>");
            svg.Append(c, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(now, 1)}\" height=\"14\" class=\"chart__bar\"/>");
            svg.Append(c, $"<text x=\"{labelWidth + now + 6}\" y=\"{y + 16}\" class=\"chart__value\">{row.Current}</text>");
            svg.Append(c, $"<rect x=\"{labelWidth}\" y=\"{y + 20}\" width=\"{Math.Max(before, 1)}\" height=\"8\" class=\"chart__bar chart__bar--previous\"/>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
