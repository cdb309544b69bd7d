using Detector.Domain.Events;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Scoring.Training;
using Detector.Simulation;

namespace Detector.Pipeline.Tests.Support;

/// <summary>
/// A generated fleet (seeded) and a model trained on its history the way `detector train` does it:
/// two passes of the history through the inline pipeline. Built once per test run.
/// </summary>
internal sealed class TrainedFleet
{
    private static readonly Lazy<TrainedFleet> Shared = new(() => new TrainedFleet(new SimulationOptions
    {
        Seed = 11, Agents = 24, HistoryDays = 3, TestDays = 1, AttackRate = 0.05,
    }));

    private TrainedFleet(SimulationOptions options)
    {
        var history = new MemoryStream();
        var events = new MemoryStream();
        new FleetSimulator(options).Run(history, events, Stream.Null);
        History = history.ToArray();
        Events = events.ToArray();
        Model = Train(History, new EngineOptions(), new PipelineOptions());
    }

    public static TrainedFleet Instance => Shared.Value;

    public byte[] History { get; }

    /// <summary>The test period's events (JSONL), scored with <see cref="Model"/>.</summary>
    public byte[] Events { get; }

    public DetectorModel Model { get; }

    public static DetectorModel Train(byte[] history, EngineOptions engine, PipelineOptions pipeline)
    {
        var trainer = new Trainer(engine);
        Pass(history, trainer.FirstPass(), pipeline);
        Pass(history, trainer.SecondPass(), pipeline);
        return trainer.Finish();
    }

    private static void Pass(byte[] history, IScoringShard shard, PipelineOptions pipeline)
    {
        using var source = new JsonLinesSource(new MemoryStream(history, writable: false), "history.jsonl", pipeline.Ingest.MaxRecordBytes);
        var graph = new PipelineGraph(pipeline, new Enforcement.QuarantineOptions(), ToolCatalog.Empty, _ => shard, source, wallClock: null);
        var run = new InlinePipeline(graph).RunAsync(new SummarySink(new RunSummary()), CancellationToken.None);
        // In memory every stage completes synchronously; anything else would be a change worth noticing.
        if (!run.IsCompletedSuccessfully)
            throw new InvalidOperationException("training over an in-memory history did not complete synchronously");
    }
}
