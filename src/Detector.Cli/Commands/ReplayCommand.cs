using System.CommandLine;
using Detector.Cli.Console;
using Detector.Hosting.Jobs;

namespace Detector.Cli.Commands;

/// <summary>`detector replay`: a JSONL file through the worker's pipeline, driven by event time.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Events (JSONL); - reads stdin.", Required = true };
        var model = new Option<string?>("--model") { Description = "A model directory from `detector train`; without it baselines start empty and learn online." };
        var alerts = new Option<string?>("--alerts") { Description = "Write alerts (JSONL) here; - is stdout." };
        var signals = new Option<string?>("--signals") { Description = "Write quarantine signals (CloudEvents JSONL) here." };
        var scores = new Option<string?>("--scores") { Description = "Write one score line per session here." };
        var deadLetters = new Option<string?>("--dead-letters") { Description = "Write rejected records with their reasons here." };
        var skew = new Option<TimeSpan?>("--max-future-skew") { Description = "Reject events this far ahead of the stream's newest event time (off by default in replay)." };

        var command = new Command("replay", "Replay events through the detection pipeline (event time drives every clock).")
        {
            input, model, alerts, signals, scores, deadLetters, skew,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            var settings = CommonOptions.LoadSettings(result);
            if (result.GetValue(skew) is { } s)
                settings.Pipeline.MaxFutureSkew = s;
            var request = new ReplayRequest(result.GetValue(input)!, result.GetValue(model), result.GetValue(alerts), result.GetValue(signals),
                result.GetValue(scores), result.GetValue(deadLetters));
            Terminal.UseStandardErrorIf(new[] { request.AlertsPath, request.SignalsPath, request.ScoresPath, request.DeadLettersPath }.Contains("-"));
            var job = new ReplayJob(request, settings);
            var summary = await ProgressDisplay.RunAsync("replaying", () => Fraction(job), () => job.RunAsync(null, ct));
            SummaryTable.Print(summary, "replay");
            return 0;
        });
        return command;
    }

    private static double? Fraction(ReplayJob job) =>
        job.Source is { Length: > 0 } s ? (double)s.BytesRead / s.Length.Value : null;
}
