using Detector.Domain.Events;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Tests.Support;

/// <summary>
/// Runs input through the real pipeline as replay wires it: one <see cref="PipelineGraph"/> over a
/// <see cref="DetectionEngine"/>, driven by the inline or the channel pipeline, into the summary, the
/// JSONL output sink and the session-score ledger (each writing to memory).
/// </summary>
internal static class PipelineRun
{
    public static Task<RunResult> RunAsync(Input input, RunSettings? settings = null, Func<int, IScoringShard>? createShard = null) =>
        RunAsync(input.ToBytes(), settings, createShard);

    /// <param name="createShard">Scores each shard's events; a real engine shard over <see cref="RunSettings.Model"/> when null.</param>
    public static async Task<RunResult> RunAsync(byte[] jsonl, RunSettings? settings = null, Func<int, IScoringShard>? createShard = null)
    {
        settings ??= new RunSettings();
        var engine = new DetectionEngine(settings.Engine, settings.Model, new InMemoryBindingTable(settings.Engine));
        using var source = new JsonLinesSource(new MemoryStream(jsonl, writable: false), settings.SourceName, settings.Pipeline.Ingest.MaxRecordBytes);
        var graph = new PipelineGraph(settings.Pipeline, settings.Quarantine, ToolCatalog.Empty, createShard ?? (_ => engine.CreateShard()), source, settings.WallClock);

        var summary = new RunSummary();
        var collected = new CollectingSink();
        MemoryStream alerts = new(), signals = new(), scores = new(), deadLetters = new();
        await using (var files = new JsonLinesOutputSink(new JsonLinesWriter(alerts), new JsonLinesWriter(signals), new JsonLinesWriter(deadLetters)))
        await using (var scoreWriter = new JsonLinesWriter(scores))
        {
            var sink = new CompositeOutcomeSink([new SummarySink(summary), files, new SessionScoreLedger(scoreWriter), collected]);
            if (settings.Kind == PipelineKind.Inline)
                await new InlinePipeline(graph).RunAsync(sink, CancellationToken.None);
            else
                await new ChannelPipeline(graph).RunAsync(sink, CancellationToken.None);
        }
        summary.BlankLines = source.BlankLines;
        summary.EventIdsEvicted = graph.EventIdsEvicted();
        summary.State.Add(graph.StateCounters());
        (summary.State.Credentials, summary.State.CredentialsEvicted) = engine.Bindings.Size;
        return new RunResult(collected.Completions, summary, graph, engine, source.BlankLines, alerts.ToArray(), signals.ToArray(), scores.ToArray(), deadLetters.ToArray());
    }
}
