using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// "An action this agent almost never takes" is judged against the agent's baseline without the
/// session's own earlier steps. Learning is online (until a session alerts at medium, and throughout
/// training), so otherwise an escalation's first, approved, quietly scored privilege changes would
/// make its later, unapproved ones look habitual. The engine here learns from every session.
/// </summary>
public sealed class RareActionTests
{
    [Fact]
    public void An_escalations_own_earlier_changes_leave_its_later_ones_rare()
    {
        var scenario = DetectorScenario.Of(TriageWithOccasionalGrants, (script, random) =>
        {
            string agent = Habits.Agent("triage", 1);
            Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
            script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
            [
                ScriptedStep.Read("search_tickets") with { Resource = "tickets/queue" },
                .. Enumerable.Range(1, 8).Select(i => ScriptedStep.Privilege("grant_role") with { ApprovalId = $"apr-{i}" }),
                ScriptedStep.Privilege("grant_role"),
            ]);
        });

        var replay = ShadowReplay.Run(scenario, new NoveltyDetector(), learnFromAlertedSessions: true);

        var session = replay.LastSession(scenario.Subject);
        var shares = replay.Probes.Where(p => p.Session == session)
            .Select(p => p.Findings.Where(f => f.Kind == EvidenceKind.NewAction).Select(f => f.PValue).DefaultIfEmpty(1).Min())
            .ToList();
        Assert.Equal(10, shares.Count);
        Assert.Equal(1, shares[0]);
        // The agent rarely changes privileges: its first change here is reported as a small share of its
        // actions, and the ninth is judged the same way (counting the eight before it, it was not reported).
        Assert.True(shares[1] < 0.05, $"the first privilege change scored share {shares[1]:G3}");
        Assert.All(shares.Skip(2), share => Assert.Equal(shares[1], share, shares[1] * 0.01));
    }

    [Fact]
    public void An_agent_whose_work_is_privilege_changes_does_not_find_them_rare()
    {
        var scenario = DetectorScenario.Of(IdentityAdmins, (script, random) =>
        {
            string agent = Habits.Agent("iam", 1);
            Habits.Hours(script, agent, random, Habits.IdentityAdmin, Habits.TestDay, 9, 11);
            script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
                [ScriptedStep.Read("list_users"), .. Enumerable.Repeat(ScriptedStep.Privilege("grant_role"), 4)]);
        });

        var replay = ShadowReplay.Run(scenario, new NoveltyDetector(), learnFromAlertedSessions: true);

        var session = replay.LastSession(scenario.Subject);
        Assert.DoesNotContain(replay.Probes.Where(p => p.Session == session).SelectMany(p => p.Findings), f => f.Kind == EvidenceKind.NewAction);
    }

    /// <summary>Triage agents, one of which grants a role, with approval, in about one session in thirty.</summary>
    private static void TriageWithOccasionalGrants(EventScript script, Random random)
    {
        Habits.OfficeHours(script, Habits.Agent("triage", 1), random, r =>
            r.Next(30) == 0 ? [.. Habits.Triage(r), ScriptedStep.Privilege("grant_role") with { ApprovalId = $"apr-h{r.Next()}" }] : Habits.Triage(r));
        for (int n = 2; n <= Habits.RoleSize; n++)
            Habits.OfficeHours(script, Habits.Agent("triage", n), random, Habits.Triage);
    }

    private static void IdentityAdmins(EventScript script, Random random)
    {
        for (int n = 1; n <= 2; n++)
            Habits.OfficeHours(script, Habits.Agent("iam", n), random, Habits.IdentityAdmin);
    }
}
