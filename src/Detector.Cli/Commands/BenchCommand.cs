using System.CommandLine;
using System.Globalization;
using Detector.Cli.Bench;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Detector.Simulation;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>
/// `detector bench`: single-thread pipeline throughput, allocation per event, memory per agent;
/// `detector bench kafka`: the worker end to end through the in-process Kafka cluster.
/// </summary>
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
            agents, historyDays, testDays, iterations, CreateKafka(),
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

    private static Command CreateKafka()
    {
        var rate = new Option<double>("--rate") { Description = "Offered events/s; 0 offers as many as the worker sustains.", DefaultValueFactory = _ => 0 };
        var duration = new Option<double>("--duration") { Description = "Seconds measured (after the warm-up).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of warm-up before measuring.", DefaultValueFactory = _ => 5 };
        var agents = new Option<int>("--agents") { Description = "Agents in the generated fleet.", DefaultValueFactory = _ => 200 };
        var command = new Command("kafka", "Measure the Kafka worker end to end through the in-process mock cluster: sustained events/s, alert and signal latency.")
        {
            rate, duration, warmup, agents,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            CollectorMode.ForLatency();
            var settings = WorkerSettings.Bind(SettingsLoader.BuildConfiguration(result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Set) ?? []));
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
            // Months back: enough recording spans (3 days each) for the passes a run makes at 100,000+ events/s.
            var fleet = DemoCommand.SimulateFleet(DemoCommand.Options(result.GetValue(agents), daysAgo: 240));
            double offered = result.GetValue(rate);
            var bench = await AnsiConsole.Status().StartAsync("training, then streaming through the mock cluster...", _ =>
                new KafkaBench(settings, fleet, loggers, TimeProvider.System).RunAsync(offered, TimeSpan.FromSeconds(result.GetValue(duration)), TimeSpan.FromSeconds(result.GetValue(warmup)), ct));
            var c = CultureInfo.InvariantCulture;
            AnsiConsole.MarkupLine(c, "offered {0}: [green]{1:#,0} events/s[/] sustained over {2:0.0} s ({3:#,0} events, {4:#,0} alerts, {5:#,0} signals), lag at end {6:#,0}, pauses {7:#,0}",
                offered > 0 ? offered.ToString("#,0 events/s", c) : "as fast as sustained", bench.EventsPerSecond, bench.Window.TotalSeconds, bench.Events, bench.Alerts, bench.Signals, bench.LagAtEnd, bench.Pauses);
            AnsiConsole.MarkupLine(c, "production -> alert acknowledged: p50 {0:0.0} ms, p99 {1:0.0} ms ({2:#,0} alerts)", bench.AlertP50.Milliseconds, bench.AlertP99.Milliseconds, bench.AlertP99.Samples);
            AnsiConsole.MarkupLine(c, "production -> signal acknowledged (cooldown off): p50 {0:0.0} ms, p99 {1:0.0} ms ({2:#,0} signals)", bench.SignalP50.Milliseconds, bench.SignalP99.Milliseconds, bench.SignalP99.Samples);
            AnsiConsole.MarkupLine(c, "of which in the worker, consumed -> alert acknowledged: p50 {0:0.0} ms, p99 {1:0.0} ms", bench.WorkerAlertP50.Milliseconds, bench.WorkerAlertP99.Milliseconds);
            AnsiConsole.MarkupLine(c, "garbage collections in the window: {0:#,0}, pausing the process {1:#,0} ms in all", bench.Collections, bench.CollectionPauses.TotalMilliseconds);
            return 0;
        });
        return command;
    }
}
