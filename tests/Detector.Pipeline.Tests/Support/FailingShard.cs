using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Tests.Support;

/// <summary>A scoring shard that fails on the named event (a bug in a detector).</summary>
internal sealed class FailingShard(string failOnEventId) : IScoringShard
{
    public StateCounters Counters { get; } = new();

    public bool TryGetHighWater(AgentId agent, out EventTime highWater)
    {
        highWater = default;
        return false;
    }

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
    {
        if (e.EventId == failOnEventId)
            throw new InvalidOperationException($"scoring failed on {e.EventId}");
        result.Session = e.SessionKey;
    }
}
