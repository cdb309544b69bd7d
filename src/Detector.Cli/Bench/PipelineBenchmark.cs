using System.Diagnostics;
using Detector.Hosting.Configuration;
using Detector.Hosting.Jobs;
using Detector.Pipeline;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Simulation;

namespace Detector.Cli.Bench;

/// <summary>
/// Replays a generated dataset held in memory through parse, route, score (every detector) and emit
/// (outputs serialised to a null stream) on one thread, after training a model on its history.
/// Reports the median of several runs; allocation and retained memory come from the GC's own counters.
/// </summary>
internal sealed class PipelineBenchmark(SimulationOptions simulation, int iterations)
{
    public async Task<BenchResult> RunAsync(CancellationToken ct)
    {
        var history = new MemoryStream();
        var events = new MemoryStream();
        new FleetSimulator(simulation).Run(history, events, Stream.Null);
        var settings = new DetectorSettings();
        var (model, _) = await new TrainJob(() => Source(history), null, settings).RunAsync(ct);

        await ReplayAsync(events, model, settings, ct); // warm-up: JIT and tiering
        var runs = new List<BenchRun>();
        for (int i = 0; i < iterations; i++)
            runs.Add(await ReplayAsync(events, model, settings, ct));
        var median = runs.OrderBy(r => r.EventsPerSecond).ElementAt(runs.Count / 2);
        return new BenchResult(median, runs, Process.GetCurrentProcess().PeakWorkingSet64, history.Length + events.Length);
    }

    private static async Task<BenchRun> ReplayAsync(MemoryStream events, DetectorModel model, DetectorSettings settings, CancellationToken ct)
    {
        var engine = new DetectionEngine(settings.Engine, model, new InMemoryBindingTable(settings.Engine));
        using var source = Source(events);
        var graph = new PipelineGraph(settings.Pipeline, settings.Quarantine, settings.BuildCatalog(), _ => engine.CreateShard(), source, null);
        var summary = new RunSummary();
        await using var outputs = new JsonLinesOutputSink(new JsonLinesWriter(Stream.Null), new JsonLinesWriter(Stream.Null), new JsonLinesWriter(Stream.Null));
        var sink = new CompositeOutcomeSink([new SummarySink(summary), outputs]);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await new InlinePipeline(graph).RunAsync(sink, ct);
        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var state = graph.StateCounters();
        GC.KeepAlive(graph);
        return new BenchRun(summary.Records, summary.Alerts, clock.Elapsed, (double)allocated / summary.Records,
            state.Agents == 0 ? 0 : (double)(heapAfter - heapBefore) / state.Agents, state.Agents);
    }

    private static JsonLinesSource Source(MemoryStream data) =>
        new(new MemoryStream(data.GetBuffer(), 0, (int)data.Length, writable: false), "memory", new PipelineOptions().Ingest.MaxRecordBytes);
}

internal sealed record BenchRun(long Events, long Alerts, TimeSpan Elapsed, double BytesAllocatedPerEvent, double RetainedBytesPerAgent, long Agents)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}

internal sealed record BenchResult(BenchRun Median, IReadOnlyList<BenchRun> Runs, long PeakWorkingSetBytes, long DatasetBytes);
