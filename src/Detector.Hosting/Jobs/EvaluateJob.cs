using System.Text.Json;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Hosting.Configuration;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Stages;
using Detector.Scoring.Evaluation;

namespace Detector.Hosting.Jobs;

/// <summary>
/// Replays labelled events with a model and measures it (see <see cref="EvaluationReport"/>) beside
/// the one-rule baseline "flag any never-seen destination", warmed on the history when given.
/// </summary>
public sealed class EvaluateJob(string events, string labels, string? modelDirectory, string? history, DetectorSettings settings)
{
    /// <summary>Malicious scenarios reported per scenario only (default: <see cref="Evaluator.DefaultApart"/>).</summary>
    public IReadOnlySet<string>? Apart { get; init; }

    public async Task<EvaluationReport> RunAsync(CancellationToken cancellationToken)
    {
        var labelList = ReadLabels(labels);
        var baselineRule = new NeverSeenDestinationRule();
        if (history is not null)
            await ScanAsync(history, (e, _) => baselineRule.Learn(e), cancellationToken).ConfigureAwait(false);

        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        var baseline = new Dictionary<string, ScoredSession>(StringComparer.Ordinal);
        await ScanAsync(events, (e, position) =>
        {
            positions.TryAdd(e.EventId, position);
            bool flags = baselineRule.Flags(e);
            if (!baseline.TryGetValue(e.Session.Value, out var s) || !s.Flagged)
                baseline[e.Session.Value] = flags ? new ScoredSession(e.Session.Value, 1, true, position) : s ?? new ScoredSession(e.Session.Value, 0, false, null);
        }, cancellationToken).ConfigureAwait(false);

        var flags = new FlagCollector();
        var replay = new ReplayJob(new ReplayRequest(events, modelDirectory), settings);
        var summary = await replay.RunAsync(flags, cancellationToken).ConfigureAwait(false);
        var model = new Dictionary<string, ScoredSession>(StringComparer.Ordinal);
        foreach (var score in replay.Sessions)
        {
            long? first = flags.FirstTrigger.TryGetValue(score.Session.Value, out string? trigger) && positions.TryGetValue(trigger, out long p) ? p : null;
            model[score.Session.Value] = new ScoredSession(score.Session.Value, score.Score, first is not null, first);
        }
        return Evaluator.Evaluate(summary.ModelVersion, labelList, model, baseline, positions, Apart);
    }

    private static List<SessionLabel> ReadLabels(string path)
    {
        var list = new List<SessionLabel>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            list.Add(new SessionLabel(
                r.GetProperty("session_id").GetString()!,
                r.TryGetProperty("agent_id", out var a) ? a.GetString() ?? "" : "",
                string.Equals(r.GetProperty("label").GetString(), "malicious", StringComparison.Ordinal),
                r.TryGetProperty("scenario", out var s) ? s.GetString() ?? "" : "",
                r.TryGetProperty("final_event_id", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null));
        }
        return list;
    }

    /// <summary>Parses every record of a file in order; the position counts records (blank lines excluded).</summary>
    private async Task ScanAsync(string path, Action<ToolEvent, long> visit, CancellationToken cancellationToken)
    {
        using var source = JsonLinesSource.Open(path, settings.Pipeline.Ingest.MaxRecordBytes);
        var parser = new ToolEventParser(settings.Pipeline.Ingest, settings.BuildCatalog());
        var item = new PipelineItem();
        long position = 0;
        while (await source.ReadAsync(item, cancellationToken).ConfigureAwait(false))
        {
            if (parser.Parse(item.Bytes, item.Event).IsAccepted)
                visit(item.Event, position);
            position++;
        }
    }

    /// <summary>For each session, the triggering event of its first alert of medium or higher severity.</summary>
    private sealed class FlagCollector : IOutcomeSink
    {
        public Dictionary<string, string> FirstTrigger { get; } = new(StringComparer.Ordinal);

        public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
        {
            foreach (var alert in completion.Alerts)
            {
                if (alert.Severity >= Severity.Medium)
                    FirstTrigger.TryAdd(alert.Session.Value, alert.TriggerEventId);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
