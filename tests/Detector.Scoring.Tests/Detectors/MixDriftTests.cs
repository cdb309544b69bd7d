using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A drift of the work mix: the sync agent, whose hours are mostly record fetches, spends a morning
/// writing records back without fetching them (the same tools, in a very different mix). Its twin
/// keeps its usual mix.
/// </summary>
/// <remarks>
/// Held to the base contract only: Score doubles the window size at which the mix is next tested (agent
/// state, written with the profile), so scoring an event twice skips the second test and the profile
/// changes while scoring. A deviation from the learn-only-in-Learn contract reported with these tests.
/// </remarks>
public sealed class MixDriftTests : DetectorContract
{
    protected override EvidenceKind Kind => EvidenceKind.MixDrift;

    protected override double Bound => 1e-4;

    protected override IDetector CreateDetector() => new MixDriftDetector();

    internal override DetectorScenario Anomalous() => Scenario(drift: true);

    internal override DetectorScenario Normal() => Scenario(drift: false);

    private static DetectorScenario Scenario(bool drift) => DetectorScenario.Of(RateSpikeTests.SyncFleet, (script, random) =>
        Habits.Hours(script, Habits.Agent("sync", 1), random, drift ? WritesOnly : Habits.Sync, Habits.TestDay, 0, 12, TimeSpan.FromSeconds(30)));

    /// <summary>A sync session that lists changes and writes five records back without fetching any.</summary>
    private static IEnumerable<ScriptedStep> WritesOnly(Random random) =>
        [ScriptedStep.Read("list_changes"), .. Enumerable.Repeat(ScriptedStep.Write("upsert_record"), 5)];
}
