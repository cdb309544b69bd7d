using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Scoring.Engine;
using Detector.Scoring.Tests.Quality;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// The same history and test stream always give the same model and the same verdicts, on streams that
/// do alert: every risk, every alert and every session's recorded evidence, step for step.
/// </summary>
public sealed class EngineDeterminismPropertyTests
{
    [Fact]
    public void Training_and_replaying_an_alerting_fleet_twice_gives_the_same_risks_alerts_and_evidence()
    {
        SeededCheck.Verify(Prop.ForAll(SmallFleets.Arbitrary, options =>
        {
            var fleet = new SimulatedFleet(options);

            var first = Run(fleet);
            var second = Run(fleet);

            Assert.Contains(first.Alerts, a => a.Severity >= Severity.Medium);
            Assert.Equal(first.Model, second.Model);
            Assert.Equal(first.Risks, second.Risks);
            Assert.Equal(first.Alerts.Select(a => (a.AlertId, a.Severity, a.Score, a.Explanation)), second.Alerts.Select(a => (a.AlertId, a.Severity, a.Score, a.Explanation)));
            Assert.Equal(first.Evidence, second.Evidence);
        }), maxTest: 3);
    }

    private static Outcome Run(SimulatedFleet fleet)
    {
        var options = new EngineOptions();
        var model = fleet.Train(options);
        var evidence = new List<string>();
        var replay = fleet.Replay(model, options, (e, _, shard) =>
        {
            var session = shard.OpenSessions.First(s => s.Key == e.SessionKey);
            evidence.Add(Describe(e.SessionKey, session.Evidence));
        });
        return new Outcome(model.Version, replay.Risks, replay.Alerts, evidence);
    }

    private static string Describe(SessionKey key, Evidence.SessionEvidence evidence) =>
        $"{key.Session}: " + string.Join("; ", evidence.Steps.Select(s => $"{s.EventId} {s.Finding}"));

    private sealed record Outcome(string Model, List<(string EventId, string Session, double Risk)> Risks, List<Alert> Alerts, List<string> Evidence);
}
