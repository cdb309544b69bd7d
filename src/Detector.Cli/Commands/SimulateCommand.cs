using System.CommandLine;
using Detector.Cli.Console;
using Detector.Simulation;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>`detector simulate`: a labelled agent-fleet dataset (history, test events, labels).</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var defaults = new SimulationOptions();
        var outDir = new Option<string>("--out") { Description = "Directory for history.jsonl, events.jsonl and labels.jsonl.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same files).", DefaultValueFactory = _ => defaults.Seed };
        var agents = new Option<int>("--agents") { Description = "Agents in the fleet.", DefaultValueFactory = _ => defaults.Agents };
        var history = new Option<int>("--history-days") { Description = "Days of benign history.", DefaultValueFactory = _ => defaults.HistoryDays };
        var test = new Option<int>("--test-days") { Description = "Days of test events after the history.", DefaultValueFactory = _ => defaults.TestDays };
        var attackRate = new Option<double>("--attack-rate") { Description = "Share of test sessions that are attacks.", DefaultValueFactory = _ => defaults.AttackRate };
        var minimal = new Option<bool>("--minimal") { Description = "Write only the five required fields." };
        var noise = new Option<double>("--noise-rate") { Description = "Share of malformed lines injected into events.jsonl." };

        var command = new Command("simulate", "Generate a realistic agent fleet's telemetry with labelled attacks.")
        {
            outDir, seed, agents, history, test, attackRate, minimal, noise,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new SimulationOptions
            {
                Seed = result.GetValue(seed),
                Agents = result.GetValue(agents),
                HistoryDays = result.GetValue(history),
                TestDays = result.GetValue(test),
                AttackRate = result.GetValue(attackRate),
                MinimalFields = result.GetValue(minimal),
                NoiseRate = result.GetValue(noise),
            };
            options.Validate();
            string dir = result.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            double done = 0;
            var summary = await ProgressDisplay.RunAsync("simulating", () => Volatile.Read(ref done), () => Task.Run(() =>
            {
                using var h = File.Create(Path.Combine(dir, "history.jsonl"));
                using var e = File.Create(Path.Combine(dir, "events.jsonl"));
                using var l = File.Create(Path.Combine(dir, "labels.jsonl"));
                return new FleetSimulator(options).Run(h, e, l, new Progress<double>(f => Volatile.Write(ref done, f)));
            }, ct));
            AnsiConsole.WriteLine(summary.ToString());
            return 0;
        });
        return command;
    }
}
