using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A level shift: the sync agent's hourly count rises from about six to eighteen and stays there for
/// six hours; no single hour is extreme, the sustained rise is (self-starting CUSUM over hourly counts).
/// Its twin keeps its usual pace all day.
/// </summary>
/// <remarks>
/// Held to the base contract only: the rate detector learns while it scores (an hour's count, the
/// seasonal baseline, the CUSUM and the busy-hour spread all move in Score, whether or not the session
/// is flagged), so scoring an event twice counts it twice. An engine defect reported with these tests.
/// </remarks>
public sealed class RateShiftTests : DetectorContract
{
    protected override EvidenceKind Kind => EvidenceKind.RateShift;

    /// <summary>A CUSUM alarm at h = 8 has p about e^(-h/2) = 0.018 (agent-level evidence is floored at 1e-3).</summary>
    protected override double Bound => 0.02;

    protected override IDetector CreateDetector() => new RateDetector();

    internal override DetectorScenario Anomalous() => Scenario(shift: true);

    internal override DetectorScenario Normal() => Scenario(shift: false);

    private static DetectorScenario Scenario(bool shift) => DetectorScenario.Of(RateSpikeTests.SyncFleet, (script, random) =>
    {
        string agent = Habits.Agent("sync", 1);
        Habits.Hours(script, agent, random, Habits.Sync, Habits.TestDay, 0, 6, TimeSpan.FromSeconds(30));
        for (int hour = 6; hour < 12; hour++)
        {
            if (shift)
                script.Session(agent, Habits.SessionId(agent, Habits.TestDay, hour), EventScript.At(Habits.TestDay, hour, 1), TimeSpan.FromSeconds(150), [.. Habits.Sync(random), .. Habits.Sync(random), .. Habits.Sync(random)]);
            else
                Habits.Hours(script, agent, random, Habits.Sync, Habits.TestDay, hour, hour + 1, TimeSpan.FromSeconds(30));
        }
        Habits.Hours(script, agent, random, Habits.Sync, Habits.TestDay, 12, 14, TimeSpan.FromSeconds(30));
    });
}
