using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A cross-tenant write: a triage agent that has only ever worked in tenant "acme" finds a ticket in its
/// own tenant, then updates and comments on a ticket of tenant "globex". Its twin does the same work in
/// its own tenant, which scores nothing.
/// </summary>
public sealed class CrossTenantTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.CrossTenant;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new EscalationDetector();

    internal override DetectorScenario Anomalous() => Scenario("globex");

    internal override DetectorScenario Normal() => Scenario("acme");

    private static DetectorScenario Scenario(string tenant) => DetectorScenario.Of(RareTransitionTests.TriageFleet, (script, random) =>
    {
        string agent = Habits.Agent("triage", 1);
        Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
            Habits.Triage(random).Select((s, i) => i < 2 ? s : s with { Tenant = tenant, Resource = "tickets/9001" }));
    });
}
