using System.Globalization;
using System.Text;

namespace Detector.Scoring.Evaluation;

/// <summary>Renders an evaluation report as markdown tables (for the terminal, the model card and the README).</summary>
public static class EvaluationMarkdown
{
    public static string Render(EvaluationReport r, string title)
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"### {title}");
        sb.AppendLine();
        sb.AppendLine(c, $"Model `{r.ModelVersion}`; {r.BenignSessions:#,0} benign and {r.MaliciousSessions:#,0} malicious test sessions. Flagged = an alert of medium or higher severity. Baseline = one rule, \"flag any never-seen destination\".");
        if (r.ApartScenarios.Count > 0)
            sb.AppendLine(c, $"Scenarios marked (apart) are shown for information and left out of the overall figures: {string.Join(", ", r.ApartScenarios)}.");
        sb.AppendLine();
        sb.AppendLine("| | model | baseline |");
        sb.AppendLine("| --- | ---: | ---: |");
        sb.AppendLine(c, $"| ROC AUC (session scores) | {F(r.Model.RocAuc)} | {F(r.Baseline.RocAuc)} |");
        sb.AppendLine(c, $"| recall at 1% FPR | {F(r.Model.RecallAt1PctFpr)} | {F(r.Baseline.RecallAt1PctFpr)} |");
        sb.AppendLine(c, $"| precision / recall / F1 | {F(r.Model.Precision)} / {F(r.Model.Recall)} / {F(r.Model.F1)} | {F(r.Baseline.Precision)} / {F(r.Baseline.Recall)} / {F(r.Baseline.F1)} |");
        sb.AppendLine(c, $"| benign sessions flagged per 1,000 | {F(r.ModelBenignFlagsPer1000, "0.00")} | {F(r.BaselineBenignFlagsPer1000, "0.00")} |");
        sb.AppendLine(c, $"| chains flagged before their final step | {P(r.Model.EarlyShare)} | {P(r.Baseline.EarlyShare)} |");
        sb.AppendLine(c, $"| role-rollout sessions flagged | {r.RolloutSessionsFlagged} of {r.RolloutSessions} | |");
        sb.AppendLine();
        sb.AppendLine("| scenario | sessions | precision | recall | F1 | AUC | recall@1%FPR | early | baseline P / R / F1 | baseline AUC |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in r.Scenarios)
        {
            string name = r.ApartScenarios.Contains(s.Scenario) ? s.Scenario + " (apart)" : s.Scenario;
            sb.AppendLine(c, $"| {name} | {s.Sessions} | {F(s.Model.Precision)} | {F(s.Model.Recall)} | {F(s.Model.F1)} | {F(s.Model.RocAuc)} | {F(s.Model.RecallAt1PctFpr)} | {P(s.Model.EarlyShare)} | {F(s.Baseline.Precision)} / {F(s.Baseline.Recall)} / {F(s.Baseline.F1)} | {F(s.Baseline.RocAuc)} |");
        }
        return sb.ToString();
    }

    private static string F(double v, string format = "0.000") => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double? v) => v is null ? "n/a" : v.Value.ToString("0.0%", CultureInfo.InvariantCulture);
}
