using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A run of privilege actions by an agent that never changes privileges: a triage agent grants three
/// roles in a row. The twin is an identity administrator's usual run of grants, which scores nothing:
/// the same action is ordinary for an agent whose sessions are made of it.
/// </summary>
public sealed class PrivilegeRunTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.PrivilegeRun;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new EscalationDetector();

    internal override DetectorScenario Anomalous() => DetectorScenario.Of(History, (script, random) =>
    {
        string agent = Habits.Agent("triage", 1);
        Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
        [
            ScriptedStep.Read("search_tickets") with { Resource = "tickets/queue" },
            ScriptedStep.Read("read_ticket") with { Resource = "tickets/123" },
            .. Enumerable.Repeat(ScriptedStep.Privilege("grant_role"), 3),
        ]);
    });

    internal override DetectorScenario Normal() => DetectorScenario.Of(History, (script, random) =>
    {
        string agent = Habits.Agent("iam", 1);
        Habits.Hours(script, agent, random, Habits.IdentityAdmin, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
        [
            ScriptedStep.Read("list_users"),
            .. Enumerable.Repeat(ScriptedStep.Privilege("grant_role"), 4),
            ScriptedStep.Write("write_audit_note"),
        ]);
    });

    private static void History(EventScript script, Random random)
    {
        RareTransitionTests.TriageFleet(script, random);
        for (int n = 1; n <= 2; n++)
            Habits.OfficeHours(script, Habits.Agent("iam", n), random, Habits.IdentityAdmin);
    }
}
