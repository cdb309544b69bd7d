using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Web.Tests.Metrics;

/// <summary>A scoring shard that scores nothing, for timing decorators.</summary>
internal sealed class FakeShard : IScoringShard
{
    public int Processed { get; private set; }

    public StateCounters Counters { get; } = new();

    public bool TryGetHighWater(AgentId agent, out EventTime highWater)
    {
        highWater = default;
        return false;
    }

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result) => Processed++;
}
