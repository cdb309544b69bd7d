using System.Diagnostics;
using Detector.Hosting.Configuration;
using Detector.Pipeline;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;

namespace Detector.Hosting.Jobs;

/// <summary>
/// Replays a JSONL file (or stdin) through the staged pipeline the worker runs, driven by event
/// time: every clock, window and TTL follows the events' own times, so outputs are reproducible.
/// </summary>
public sealed class ReplayJob(ReplayRequest request, DetectorSettings settings)
{
    /// <summary>The input, open once the job has started (for progress bars).</summary>
    public JsonLinesSource? Source { get; private set; }

    /// <summary>Every session's score once the run has finished, in first-seen order.</summary>
    public IReadOnlyList<Detector.Domain.Outputs.SessionScore> Sessions { get; private set; } = [];

    /// <param name="observer">Also receives every completion, e.g. to print alerts as they fire.</param>
    public async Task<RunSummary> RunAsync(IOutcomeSink? observer, CancellationToken cancellationToken)
    {
        var model = request.ModelDirectory is null ? DetectorModel.Empty : ModelStore.Load(request.ModelDirectory);
        var engine = new DetectionEngine(settings.Engine, model, new InMemoryBindingTable(settings.Engine));
        using var source = JsonLinesSource.Open(request.Input, settings.Pipeline.Ingest.MaxRecordBytes);
        Source = source;
        var graph = new PipelineGraph(settings.Pipeline, settings.Quarantine, settings.BuildCatalog(), _ => engine.CreateShard(), source, wallClock: null);

        var summary = new RunSummary();
        await using var files = new JsonLinesOutputSink(Writer(request.AlertsPath), Writer(request.SignalsPath), Writer(request.DeadLettersPath));
        await using var scoresWriter = Writer(request.ScoresPath);
        var ledger = new SessionScoreLedger(scoresWriter);
        var sinks = new List<IOutcomeSink> { new SummarySink(summary), files, ledger };
        if (observer is not null)
            sinks.Add(observer);

        var clock = Stopwatch.StartNew();
        await new ChannelPipeline(graph).RunAsync(new CompositeOutcomeSink(sinks), cancellationToken).ConfigureAwait(false);
        summary.Elapsed = clock.Elapsed;
        summary.Sessions = ledger.Count;
        Sessions = ledger.Scores().ToArray();
        summary.BlankLines = source.BlankLines;
        summary.EventIdsEvicted = graph.EventIdsEvicted();
        summary.State.Add(graph.StateCounters());
        (summary.State.Credentials, summary.State.CredentialsEvicted) = engine.Bindings.Size;
        summary.ModelVersion = model.Version;
        return summary;
    }

    private static JsonLinesWriter? Writer(string? path) => path is null ? null : JsonLinesWriter.Create(path);
}
