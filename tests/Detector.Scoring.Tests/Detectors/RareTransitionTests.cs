using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// An unseen transition between familiar tools: a triage agent that always searches, reads, updates and
/// comments goes from the search straight to an update, then back to reading and searching. Every tool
/// is its own; only the order is new. Its twin keeps the usual order.
/// </summary>
public sealed class RareTransitionTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.RareTransition;

    /// <summary>
    /// The bound on a never-seen step after n = 32 sessions: Witten-Bell leaves T/(c+T) = 1/33 of the mass
    /// after "search" to followers it has not seen, shared by the unigram shares (about a quarter for
    /// "update"); DeepLog's rank bound multiplies by the outcomes ranked at or below it (at most 4 of 5):
    /// p below 4 x 0.25 / 33 = 0.03.
    /// </summary>
    protected override double Bound => 0.031;

    protected override IDetector CreateDetector() => new SequenceDetector();

    internal override DetectorScenario Anomalous() => Scenario(
    [
        ScriptedStep.Read("search_tickets") with { Resource = "tickets/queue" },
        ScriptedStep.Write("update_ticket") with { Resource = "tickets/123" },
        ScriptedStep.Read("read_ticket") with { Resource = "tickets/123" },
        ScriptedStep.Read("search_tickets") with { Resource = "tickets/queue" },
        ScriptedStep.Write("post_comment") with { Resource = "tickets/123" },
        ScriptedStep.Read("read_ticket") with { Resource = "tickets/123" },
    ]);

    internal override DetectorScenario Normal() => Scenario([.. Habits.Triage(new Random(1))]);

    internal static void TriageFleet(EventScript script, Random random)
    {
        for (int n = 1; n <= Habits.RoleSize; n++)
            Habits.OfficeHours(script, Habits.Agent("triage", n), random, Habits.Triage);
    }

    private static DetectorScenario Scenario(ScriptedStep[] steps) => DetectorScenario.Of(TriageFleet, (script, random) =>
    {
        string agent = Habits.Agent("triage", 1);
        Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5), steps);
    });
}
