using Detector.Hosting.Configuration;
using Detector.Pipeline;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Stages;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;

namespace Detector.Web.Tests.Support;

/// <summary>
/// Replays a JSONL file through the staged pipeline the worker runs (untrained model, event-time
/// clocks, one shard) with a tap and a sink, as a host wires the surfaces: what `replay` does, plus the tap.
/// </summary>
internal static class Replay
{
    public static async Task RunAsync(string input, IScoredEventTap? tap, IOutcomeSink sink, DetectorMetrics? metrics = null)
    {
        var settings = new DetectorSettings();
        settings.Validate();
        var engine = new DetectionEngine(settings.Engine, DetectorModel.Empty, new InMemoryBindingTable(settings.Engine));
        using var source = new JsonLinesSource(File.OpenRead(input), input, settings.Pipeline.Ingest.MaxRecordBytes);
        IScoringShard CreateShard(int _) => metrics is null ? engine.CreateShard() : metrics.Timed(engine.CreateShard());
        var graph = new PipelineGraph(settings.Pipeline, settings.Quarantine, settings.BuildCatalog(), CreateShard, source, wallClock: null, tap);
        await new ChannelPipeline(graph).RunAsync(sink, CancellationToken.None);
    }
}
