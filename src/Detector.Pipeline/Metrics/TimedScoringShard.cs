using System.Diagnostics;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Metrics;

/// <summary>
/// Measures how long its shard takes to score each event, into the scoring-latency histogram. Wrap each
/// shard where the graph creates it: <c>i => metrics.Timed(engine.CreateShard())</c>. Two timestamp
/// reads per event, none when nobody listens.
/// </summary>
public sealed class TimedScoringShard(IScoringShard inner, DetectorMetrics metrics) : IScoringShard
{
    public StateCounters Counters => inner.Counters;

    public bool TryGetHighWater(AgentId agent, out EventTime highWater) => inner.TryGetHighWater(agent, out highWater);

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
    {
        var histogram = metrics.ScoringLatency;
        if (!histogram.Enabled)
        {
            inner.Process(e, detectedAt, result);
            return;
        }
        long start = Stopwatch.GetTimestamp();
        inner.Process(e, detectedAt, result);
        histogram.Record(Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
