using System.CommandLine;
using System.Globalization;
using Detector.Cli.Bench;
using Detector.Simulation;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>`detector bench`: single-thread pipeline throughput, allocation per event, memory per agent.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var agents = new Option<int>("--agents") { Description = "Agents in the generated fleet.", DefaultValueFactory = _ => 200 };
        var historyDays = new Option<int>("--history-days") { Description = "Days of history to train on.", DefaultValueFactory = _ => 7 };
        var testDays = new Option<int>("--test-days") { Description = "Days of events to replay.", DefaultValueFactory = _ => 5 };
        var iterations = new Option<int>("--iterations") { Description = "Measured runs (the median is reported).", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Measure the pipeline on one thread: events/s, bytes allocated per event, memory per agent.")
        {
            agents, historyDays, testDays, iterations,
        };
        command.SetAction(async (result, ct) =>
        {
            var simulation = new SimulationOptions
            {
                Seed = 7,
                Agents = result.GetValue(agents),
                HistoryDays = result.GetValue(historyDays),
                TestDays = result.GetValue(testDays),
            };
            simulation.Validate();
            var bench = await AnsiConsole.Status().StartAsync("generating, training, replaying...", _ => new PipelineBenchmark(simulation, result.GetValue(iterations)).RunAsync(ct));
            var c = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Rounded).Title("detector bench (one pipeline thread, all detectors)")
                .AddColumn("run").AddColumn(new TableColumn("events").RightAligned()).AddColumn(new TableColumn("events/s").RightAligned())
                .AddColumn(new TableColumn("B alloc/event").RightAligned()).AddColumn(new TableColumn("retained B/agent").RightAligned()).AddColumn(new TableColumn("alerts").RightAligned());
            int i = 1;
            foreach (var r in bench.Runs)
            {
                table.AddRow((i++).ToString(c), r.Events.ToString("#,0", c), r.EventsPerSecond.ToString("#,0", c), r.BytesAllocatedPerEvent.ToString("0", c),
                    r.RetainedBytesPerAgent.ToString("#,0", c), r.Alerts.ToString("#,0", c));
            }
            AnsiConsole.Write(table);
            var m = bench.Median;
            AnsiConsole.MarkupLine(c, "median: [green]{0:#,0} events/s[/], {1:0} B allocated per event, {2:#,0} B retained per agent ({3:#,0} agents), peak working set {4:#,0} MB, dataset {5:#,0} MB",
                m.EventsPerSecond, m.BytesAllocatedPerEvent, m.RetainedBytesPerAgent, m.Agents, bench.PeakWorkingSetBytes / 1e6, bench.DatasetBytes / 1e6);
            return 0;
        });
        return command;
    }
}
