using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>A session far longer than usual: a triage agent whose sessions have four steps runs one of eighty (its routine twenty times over). Its twin has four.</summary>
public sealed class SessionVolumeTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.SessionVolume;

    protected override double Bound => 1e-3;

    protected override IDetector CreateDetector() => new SessionShapeDetector();

    internal override DetectorScenario Anomalous() => Scenario(rounds: 20);

    internal override DetectorScenario Normal() => Scenario(rounds: 1);

    private static DetectorScenario Scenario(int rounds) => DetectorScenario.Of(RareTransitionTests.TriageFleet, (script, random) =>
    {
        string agent = Habits.Agent("triage", 1);
        Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
            Enumerable.Range(0, rounds).SelectMany(_ => Habits.Triage(random)));
    });
}
