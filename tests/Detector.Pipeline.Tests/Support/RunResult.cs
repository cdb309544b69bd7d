using System.Text;
using System.Text.Json;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Summary;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Tests.Support;

/// <summary>What one run emitted: completions in emit order, the summary, the graph's state and the four output files.</summary>
internal sealed record RunResult(
    IReadOnlyList<Completion> Completions,
    RunSummary Summary,
    PipelineGraph Graph,
    DetectionEngine Engine,
    long BlankLines,
    byte[] Alerts,
    byte[] Signals,
    byte[] Scores,
    byte[] DeadLetters)
{
    public IReadOnlyList<JsonElement> AlertLines => Parse(Alerts);

    public IReadOnlyList<JsonElement> SignalLines => Parse(Signals);

    public IReadOnlyList<JsonElement> ScoreLines => Parse(Scores);

    public IReadOnlyList<JsonElement> DeadLetterLines => Parse(DeadLetters);

    /// <summary>The completion of the record on a 1-based input line.</summary>
    public Completion AtLine(int line) => Completions.Single(c => c.Position.Offset == line);

    /// <summary>The one scoring shard of a single-shard run.</summary>
    public EngineShard Shard => (EngineShard)Graph.Shards.Single().Shard;

    private static List<JsonElement> Parse(byte[] jsonl) => Encoding.UTF8.GetString(jsonl)
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonDocument.Parse(l).RootElement.Clone())
        .ToList();
}
