using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Detector.Cli.Console;
using Detector.Domain.Outputs;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Detector.Kafka.Broker;
using Detector.Simulation;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>
/// `detector demo`: a Kafka cluster in this process (librdkafka's mock brokers), a simulated fleet with
/// attacks streamed into it as live traffic, the worker and the reference broker consumer against it
/// over the real protocol, alerts and revocations printed as they happen, then a summary.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds to stream events for.", DefaultValueFactory = _ => 60 };
        var rate = new Option<double>("--rate") { Description = "Events per second offered to the cluster.", DefaultValueFactory = _ => 3000 };
        var agents = new Option<int>("--agents") { Description = "Agents in the simulated fleet.", DefaultValueFactory = _ => 80 };
        var urls = CommonOptions.Urls();
        var command = new Command("demo", "Run the whole system on an embedded Kafka cluster: simulated fleet, worker, credential-broker consumer, dashboard and /metrics.")
        {
            duration, rate, agents, urls,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            CollectorMode.ForLatency();
            var settings = WorkerSettings.Bind(SettingsLoader.BuildConfiguration(result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Set) ?? []));
            if (result.GetValue(urls) is { } addresses)
                settings.Urls = addresses;
            var request = new DemoRequest(TimeSpan.FromSeconds(result.GetValue(duration)), result.GetValue(rate));
            request.Validate();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));

            var fleet = await AnsiConsole.Status().StartAsync("simulating the fleet", _ => Task.Run(() => SimulateFleet(Options(result.GetValue(agents))), stop.Token));
            var demo = new EmbeddedDemo(settings, fleet, loggers, TimeProvider.System)
            {
                Live = new LiveAlertPrinter(Severity.Medium),
                BrokerObserved = PrintBrokerVerdict,
                Progress = m => AnsiConsole.MarkupLine("[dim]demo:[/] {0}", Markup.Escape(m)),
                Serving = a => AnsiConsole.MarkupLine("[bold]dashboard[/] {0}  [dim](metrics at /metrics, API at /api, while the demo runs)[/]", Markup.Escape(string.Join(" ", a))),
            };
            var summary = await demo.RunAsync(request, stop.Token);
            SummaryTable.Print(summary.Worker, "demo: detector");
            PrintKafka(summary);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A fleet whose history ends <paramref name="daysAgo"/> days before today: today for the demo (its
    /// traffic is stamped with the wall clock), months back for `bench kafka` (which replays it in its own
    /// event time, one recording span later per pass, up to about now).
    /// </summary>
    internal static SimulationOptions Options(int agents, int daysAgo = 0)
    {
        const int historyDays = 5;
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        return new SimulationOptions
        {
            Seed = 11,
            Agents = agents,
            HistoryDays = historyDays,
            TestDays = 3,
            AttackRate = 0.05,
            Start = new DateTimeOffset(today.AddDays(-historyDays - daysAgo), TimeSpan.Zero),
        };
    }

    internal static FleetData SimulateFleet(SimulationOptions options)
    {
        using var history = new MemoryStream();
        using var events = new MemoryStream();
        new FleetSimulator(options).Run(history, events, Stream.Null);
        return new FleetData(history.ToArray(), events.ToArray());
    }

    private static void PrintBrokerVerdict(SignalEnvelope? signal, BrokerVerdict verdict)
    {
        if (signal is null)
            return;
        if (verdict == BrokerVerdict.Acted)
        {
            AnsiConsole.MarkupLine("[green]BROKER {0}[/] {1} credentials [[{2}]] (signal {3})", Markup.Escape(signal.Action.WireName()), Markup.Escape(signal.Agent),
                Markup.Escape(string.Join(", ", signal.CredentialIds)), Markup.Escape(signal.Id));
            return;
        }
        AnsiConsole.MarkupLine("[red]BROKER refused[/] {0} for {1}: {2}", Markup.Escape(signal.Action.WireName()), Markup.Escape(signal.Agent), verdict.Code());
    }

    private static void PrintKafka(DemoSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("demo: kafka and credential broker").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("events produced", s.Produced.ToString("#,0", c));
        table.AddRow("events consumed by the worker", s.Consumed.ToString("#,0", c));
        table.AddRow("signals withheld (monitor-only / breaker open)", $"{s.WithheldMonitorOnly.ToString("#,0", c)} / {s.WithheldBreakerOpen.ToString("#,0", c)}");
        foreach (var (verdict, count) in s.Broker)
        {
            if (count > 0 || verdict == BrokerVerdict.Acted)
                table.AddRow($"broker: {verdict.Code()}", count.ToString("#,0", c));
        }
        table.AddRow("revocation webhook calls", s.WebhookCalls.ToString("#,0", c));
        table.AddRow("state checkpoints", s.Checkpoints.ToString("#,0", c));
        table.AddRow("consumer lag at the end", s.LagAtEnd.ToString("#,0", c));
        table.AddRow("elapsed", s.Elapsed.TotalSeconds.ToString("0.0 s", c));
        AnsiConsole.Write(table);
    }
}
