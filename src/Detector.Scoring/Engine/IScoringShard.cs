using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Engine;

/// <summary>
/// The scoring state one pipeline shard owns (its agents, their sessions and baselines) and the only
/// way to change it. Single writer: exactly one thread calls it.
/// </summary>
public interface IScoringShard
{
    /// <summary>The latest event time applied for the agent; false for an agent not tracked.</summary>
    bool TryGetHighWater(AgentId agent, out EventTime highWater);

    /// <summary>Scores the event, then learns from it. <paramref name="detectedAt"/> stamps any alert.</summary>
    void Process(ToolEvent e, EventTime detectedAt, ScoreResult result);

    /// <summary>State sizes and eviction counts, for the summary and metrics.</summary>
    StateCounters Counters { get; }
}
