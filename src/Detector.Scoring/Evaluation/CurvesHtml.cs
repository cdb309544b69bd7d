using System.Globalization;
using System.Text;

namespace Detector.Scoring.Evaluation;

/// <summary>A self-contained HTML page with the ROC and precision-recall curves of the model and the baseline, as inline SVG.</summary>
public static class CurvesHtml
{
    private const int Size = 360;
    private const int Margin = 40;

    public static string Render(EvaluationReport r)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>AgentDrift evaluation ")
          .Append(System.Net.WebUtility.HtmlEncode(r.ModelVersion))
          .Append("</title><style>body{font-family:sans-serif;margin:2em}svg{margin-right:2em}.m{stroke:#c0392b}.b{stroke:#7f8c8d;stroke-dasharray:4 3}polyline{fill:none;stroke-width:2}</style></head><body>");
        sb.Append("<h1>AgentDrift evaluation</h1><p>model <code>").Append(System.Net.WebUtility.HtmlEncode(r.ModelVersion))
          .Append("</code>: red = model, grey dashed = baseline (flag any never-seen destination).</p>");
        sb.Append(Chart("ROC", "false-positive rate", "true-positive rate", r.ModelRoc, r.BaselineRoc));
        sb.Append(Chart("Precision-recall", "recall", "precision", r.ModelPr, r.BaselinePr));
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string Chart(string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Y)> model, IReadOnlyList<(double X, double Y)> baseline)
    {
        var c = CultureInfo.InvariantCulture;
        int total = Size + 2 * Margin;
        var sb = new StringBuilder();
        sb.Append(c, $"<svg width=\"{total}\" height=\"{total}\" viewBox=\"0 0 {total} {total}\" role=\"img\" aria-label=\"{title}\">");
        sb.Append(c, $"<text x=\"{total / 2}\" y=\"20\" text-anchor=\"middle\">{title}</text>");
        sb.Append(c, $"<rect x=\"{Margin}\" y=\"{Margin}\" width=\"{Size}\" height=\"{Size}\" fill=\"none\" stroke=\"#333\"/>");
        sb.Append(c, $"<text x=\"{total / 2}\" y=\"{total - 8}\" text-anchor=\"middle\" font-size=\"12\">{xLabel}</text>");
        sb.Append(c, $"<text x=\"12\" y=\"{total / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 12 {total / 2})\">{yLabel}</text>");
        sb.Append(Line(baseline, "b")).Append(Line(model, "m"));
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Line(IReadOnlyList<(double X, double Y)> points, string cls)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<polyline class=\"").Append(cls).Append("\" points=\"");
        foreach (var (x, y) in points)
            sb.Append(c, $"{Margin + x * Size:0.#},{Margin + (1 - y) * Size:0.#} ");
        sb.Append("\"/>");
        return sb.ToString();
    }
}
