using System.CommandLine;
using Detector.Cli.Console;
using Detector.Hosting.Jobs;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>`detector train`: baselines and calibration from unlabelled history into a versioned model directory.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "History events (JSONL), taken as benign.", Required = true };
        var model = new Option<string>("--model") { Description = "The model directory to write.", Required = true };
        var command = new Command("train", "Train per-agent and peer-group baselines and the risk calibration from history.") { input, model }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            var job = new TrainJob(result.GetValue(input)!, result.GetValue(model)!, CommonOptions.LoadSettings(result));
            var (trained, summary) = await ProgressDisplay.RunAsync("training (2 passes)", () => Fraction(job), () => job.RunAsync(ct));
            SummaryTable.Print(summary, "training input");
            AnsiConsole.MarkupLine("model [green]{0}[/] written to {1}: {2:#,0} agents, groups {3}, calibrated on {4:#,0} sessions",
                trained.Version, Markup.Escape(result.GetValue(model)!), trained.Agents.Count, Markup.Escape(string.Join(", ", trained.Metadata.GroupNames)),
                trained.Metadata.CalibrationSessions);
            return 0;
        });
        return command;
    }

    private static double? Fraction(TrainJob job) =>
        job.Progress is (int pass, { Length: > 0 } s) ? (pass - 1 + (double)s.BytesRead / s.Length.Value) / 2 : null;
}
