using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A detector whose scoring changes nothing it reads: scoring the same event twice, without learning
/// in between, gives the same findings (what it learns, it learns in Learn).
/// </summary>
public abstract class RepeatableScoringContract : BaselineKeepingContract
{
    [Fact]
    public void Scoring_an_event_twice_without_learning_gives_the_same_findings()
    {
        var replays = new[] { Replay(Anomalous(), ProbeChecks.Repeat), Replay(Normal(), ProbeChecks.Repeat) };

        var probes = replays.SelectMany(r => r.Probes).ToList();

        Assert.Contains(probes, p => p.Findings.Length > 0);
        Assert.All(probes, p => Assert.Equal(p.Findings, p.Repeated!));
    }
}
