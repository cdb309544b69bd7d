using Detector.Domain.Events;
using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A session failing far more than usual: a triage agent whose calls always succeed has six of eight
/// calls denied (probing for what it may do). Its twin runs the same eight calls successfully.
/// </summary>
public sealed class ErrorBurstTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.ErrorBurst;

    protected override double Bound => 1e-3;

    protected override IDetector CreateDetector() => new SessionShapeDetector();

    internal override DetectorScenario Anomalous() => Scenario(failures: 6);

    internal override DetectorScenario Normal() => Scenario(failures: 0);

    private static DetectorScenario Scenario(int failures) => DetectorScenario.Of(RareTransitionTests.TriageFleet, (script, random) =>
    {
        string agent = Habits.Agent("triage", 1);
        Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        var steps = Habits.Triage(random).Concat(Habits.Triage(random))
            .Select((s, i) => i >= 2 && i < 2 + failures ? s with { Outcome = Outcome.Denied } : s);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5), steps);
    });
}
