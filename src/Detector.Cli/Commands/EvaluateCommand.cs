using System.CommandLine;
using Detector.Cli.Console;
using Detector.Hosting.Jobs;
using Detector.Scoring.Evaluation;
using Detector.Scoring.Model;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>`detector evaluate`: replay labelled events with a model and report detection quality beside a one-rule baseline.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Test events (JSONL).", Required = true };
        var labels = new Option<string>("--labels") { Description = "labels.jsonl: session_id, label, scenario, final_event_id.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model directory (omit to learn online from nothing)." };
        var history = new Option<string?>("--history") { Description = "History the baseline rule learns known destinations from." };
        var report = new Option<string?>("--report") { Description = "Directory for report.md, report.json and curves.html; the figures are also appended to the model card." };
        var apart = new Option<string[]>("--apart")
        {
            Description = "A malicious scenario to report on its own row but leave out of the overall figures (repeatable; default slow_poisoning_dose).",
            DefaultValueFactory = _ => Evaluator.DefaultApart.ToArray(),
        };
        var command = new Command("evaluate", "Measure detection quality on labelled events (precision, recall, F1, ROC AUC, early detection).")
        {
            input, labels, model, history, report, apart,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            var job = new EvaluateJob(result.GetValue(input)!, result.GetValue(labels)!, result.GetValue(model), result.GetValue(history), CommonOptions.LoadSettings(result))
            {
                Apart = result.GetValue(apart)!.ToHashSet(StringComparer.Ordinal),
            };
            var evaluation = await ProgressDisplay.RunAsync("evaluating", () => null, () => job.RunAsync(ct));
            string markdown = EvaluationMarkdown.Render(evaluation, $"Evaluation on {Path.GetFileName(result.GetValue(input))}");
            AnsiConsole.WriteLine(markdown);
            if (result.GetValue(report) is { } dir)
                await EvaluationFiles.WriteAsync(dir, evaluation, markdown, ct);
            if (result.GetValue(model) is { } modelDir && File.Exists(Path.Combine(modelDir, ModelCard.FileName)))
                await File.AppendAllTextAsync(Path.Combine(modelDir, ModelCard.FileName), Environment.NewLine + markdown, ct);
            return 0;
        });
        return command;
    }
}
