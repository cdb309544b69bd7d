using System.Text.Json;
using Detector.Scoring.Evaluation;

namespace Detector.Cli.Console;

/// <summary>Writes an evaluation's report.md, report.json and curves.html.</summary>
internal static class EvaluationFiles
{
    public static async Task WriteAsync(string directory, EvaluationReport report, string markdown, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), markdown, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "curves.html"), CurvesHtml.Render(report), ct);
        await using var json = File.Create(Path.Combine(directory, "report.json"));
        await using var w = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("model_version", report.ModelVersion);
        w.WriteNumber("benign_sessions", report.BenignSessions);
        w.WriteNumber("malicious_sessions", report.MaliciousSessions);
        Figures(w, "model", report.Model);
        Figures(w, "baseline", report.Baseline);
        w.WriteNumber("model_benign_flags_per_1000", report.ModelBenignFlagsPer1000);
        w.WriteNumber("baseline_benign_flags_per_1000", report.BaselineBenignFlagsPer1000);
        w.WriteNumber("rollout_sessions", report.RolloutSessions);
        w.WriteNumber("rollout_sessions_flagged", report.RolloutSessionsFlagged);
        w.WriteStartArray("apart_scenarios");
        foreach (string a in report.ApartScenarios)
            w.WriteStringValue(a);
        w.WriteEndArray();
        w.WriteStartArray("scenarios");
        foreach (var s in report.Scenarios)
        {
            w.WriteStartObject();
            w.WriteString("scenario", s.Scenario);
            w.WriteNumber("sessions", s.Sessions);
            Figures(w, "model", s.Model);
            Figures(w, "baseline", s.Baseline);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter w, string name, DetectorFigures f)
    {
        w.WriteStartObject(name);
        Number(w, "precision", f.Precision);
        Number(w, "recall", f.Recall);
        Number(w, "f1", f.F1);
        Number(w, "roc_auc", f.RocAuc);
        Number(w, "recall_at_1pct_fpr", f.RecallAt1PctFpr);
        if (f.EarlyShare is { } e)
            Number(w, "flagged_before_final_step", e);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
            w.WriteNumber(name, value);
        else
            w.WriteNull(name);
    }
}
