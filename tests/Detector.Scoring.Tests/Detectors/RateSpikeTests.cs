using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A rate spike: a sync agent that runs about six calls every hour of the day makes 150 in one hour
/// (a runaway loop). Its twin runs its usual hour. Judged against both the agent's expectation for
/// that hour of the day and its own spread of busy hours.
/// </summary>
/// <remarks>
/// Held to the base contract only: the rate detector learns while it scores (an hour's count, the
/// seasonal baseline, the CUSUM and the busy-hour spread all move in Score, whether or not the session
/// is flagged), so scoring an event twice counts it twice. An engine defect reported with these tests.
/// </remarks>
public sealed class RateSpikeTests : DetectorContract
{
    protected override EvidenceKind Kind => EvidenceKind.RateSpike;

    protected override double Bound => 1e-4;

    protected override IDetector CreateDetector() => new RateDetector();

    internal override DetectorScenario Anomalous() => Scenario(spike: true);

    internal override DetectorScenario Normal() => Scenario(spike: false);

    internal static void SyncFleet(EventScript script, Random random)
    {
        for (int n = 1; n <= 2; n++)
            Habits.AroundTheClock(script, Habits.Agent("sync", n), random, Habits.Sync);
    }

    private static DetectorScenario Scenario(bool spike) => DetectorScenario.Of(SyncFleet, (script, random) =>
    {
        string agent = Habits.Agent("sync", 1);
        Habits.Hours(script, agent, random, Habits.Sync, Habits.TestDay, 0, 10, TimeSpan.FromSeconds(30));
        if (spike)
            script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 10), EventScript.At(Habits.TestDay, 10, 2), TimeSpan.FromSeconds(20), Enumerable.Range(0, 25).SelectMany(_ => Habits.Sync(random)).Take(150));
        else
            Habits.Hours(script, agent, random, Habits.Sync, Habits.TestDay, 10, 11, TimeSpan.FromSeconds(30));
    });
}
