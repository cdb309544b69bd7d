using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A detector whose scoring teaches nothing: baselines change only in Learn (which the engine skips
/// for sessions that reached medium severity), so the agent's profile and every peer group are
/// byte-identical after scoring any event of the anomalous or the normal scenario.
/// </summary>
public abstract class BaselineKeepingContract : DetectorContract
{
    [Fact]
    public void Scoring_leaves_the_agent_and_peer_group_baselines_unchanged()
    {
        var replays = new[] { Replay(Anomalous(), ProbeChecks.Baselines), Replay(Normal(), ProbeChecks.Baselines) };

        var probes = replays.SelectMany(r => r.Probes).ToList();

        Assert.NotEmpty(probes);
        Assert.All(probes, p => Assert.True(p.BaselinesKept, $"scoring {p.EventId} changed a baseline"));
    }
}
