using System.Globalization;
using System.Text;

namespace Detector.Scoring.Model;

/// <summary>The short human description written beside every model (MODEL_CARD.md); evaluation appends its figures.</summary>
public static class ModelCard
{
    public const string FileName = "MODEL_CARD.md";

    public static string Render(DetectorModel model, string trainingInput)
    {
        var m = model.Metadata;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"# AgentDrift model {model.Version}");
        sb.AppendLine();
        sb.AppendLine("Behaviour baselines for AI agents (per agent and per peer group) and the calibration that turns detector evidence into session risk.");
        sb.AppendLine();
        sb.AppendLine("| | |");
        sb.AppendLine("| --- | --- |");
        sb.AppendLine(c, $"| format version | {DetectorModel.FormatVersion} |");
        sb.AppendLine(c, $"| trained on | `{Path.GetFileName(trainingInput)}` (unlabelled, taken as benign) |");
        sb.AppendLine(c, $"| training window | {m.TrainedFrom} to {m.TrainedTo} |");
        sb.AppendLine(c, $"| events, sessions, agents | {m.Events:#,0}, {m.Sessions:#,0}, {model.Agents.Count:#,0} |");
        sb.AppendLine(c, $"| peer groups | {string.Join(", ", m.GroupNames)} |");
        sb.AppendLine(c, $"| calibration | {m.CalibrationSessions:#,0} sessions of the last part of the window; exponential tail above statistic {model.Calibration.TailStart:0.###} (mean excess {model.Calibration.MeanExcess:0.###}) |");
        sb.AppendLine(c, $"| judged by own baselines | {model.OwnBaselineShare:0.#%} of the calibration sessions of busy agents (a learning period's worth of events); {(model.OwnBaselinesCalibrated ? "agents past their learning period are judged by their own baselines" : "too few to calibrate own baselines (the history is shorter than the learning period), so every agent is judged by its peer group's until a model trained on a longer history replaces this one")} |");
        if (model.RuleRates.Count > 0)
        {
            sb.AppendLine(c, $"| policy rules completed by benign calibration sessions | {string.Join(", ", model.RuleRates.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value:0.###%}"))} (a rule's severity floor is capped at the highest severity whose benign budget its rate fits) |");
        }
        sb.AppendLine();
        sb.AppendLine("## Intended use");
        sb.AppendLine("Scoring the tool-invocation telemetry of the same fleet (`./detector replay --model` or the worker). Agents not in the training data start from their peer group. Severity thresholds are calibrated risks: a benign session reaches risk r with probability about 1 - r.");
        sb.AppendLine();
        sb.AppendLine("## Limits");
        sb.AppendLine("- Training data is assumed benign; an attack in the history becomes part of the baseline.");
        sb.AppendLine("- Calibration is only as good as the benign sample: a fleet whose behaviour changed since training raises more low-severity alerts until online learning catches up (bounded adaptation is deliberate).");
        sb.AppendLine();
        return sb.ToString();
    }
}
