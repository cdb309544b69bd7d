using System.CommandLine;
using Detector.Cli.Console;
using Detector.Domain.Outputs;
using Detector.Hosting.Configuration;
using Detector.Hosting.Jobs;
using Detector.Scoring.Model;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>
/// `detector demo`: the main job on an embedded default. Replays the committed demo dataset through
/// the full pipeline with the committed model, printing alerts and signals as they fire, then the summary.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Directory with events.jsonl (and history.jsonl).", DefaultValueFactory = _ => "datasets/demo" };
        var model = new Option<string>("--model") { Description = "Model directory; trained from the dataset's history if missing.", DefaultValueFactory = _ => "models/demo" };
        var output = new Option<string>("--out") { Description = "Where alerts, signals, scores and dead letters are written.", DefaultValueFactory = _ => "out/demo" };
        var command = new Command("demo", "Run the detector end to end on the committed demo dataset.") { dataset, model, output }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.LoadSettings(result);
            string data = result.GetValue(dataset)!, modelDir = result.GetValue(model)!, outDir = result.GetValue(output)!;
            if (!File.Exists(Path.Combine(modelDir, ModelStore.ManifestFile)))
                await TrainAsync(Path.Combine(data, "history.jsonl"), modelDir, settings, ct);
            Directory.CreateDirectory(outDir);
            var request = new ReplayRequest(Path.Combine(data, "events.jsonl"), modelDir,
                Path.Combine(outDir, "alerts.jsonl"), Path.Combine(outDir, "signals.jsonl"), Path.Combine(outDir, "scores.jsonl"), Path.Combine(outDir, "dead-letters.jsonl"));
            AnsiConsole.MarkupLine("replaying [bold]{0}[/] with model [bold]{1}[/]; medium and higher alerts and all signals print as they fire", Markup.Escape(request.Input), Markup.Escape(modelDir));
            var summary = await new ReplayJob(request, settings).RunAsync(new LiveAlertPrinter(Severity.Medium), ct);
            SummaryTable.Print(summary, "demo");
            AnsiConsole.MarkupLine("outputs in [bold]{0}[/]", Markup.Escape(outDir));
            return 0;
        });
        return command;
    }

    private static async Task TrainAsync(string history, string modelDir, DetectorSettings settings, CancellationToken ct)
    {
        var job = new TrainJob(history, modelDir, settings);
        await ProgressDisplay.RunAsync("training the demo model", () => null, () => job.RunAsync(ct));
    }
}
