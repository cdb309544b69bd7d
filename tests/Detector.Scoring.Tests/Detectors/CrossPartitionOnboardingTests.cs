using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Evidence;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A team onboarding a tenant, its members scored in different partitions: triage agent 1 starts work in
/// tenant "globex" in one shard, agent 2 an hour later in another shard of the same engine. Only the
/// shared adoption table lets agent 2's shard know a colleague took the tenant up: a change of the role,
/// not a cross-tenant step. A lone agent doing the same draws the cross-tenant evidence.
/// </summary>
public sealed class CrossPartitionOnboardingTests
{
    [Fact]
    public void A_tenant_taken_up_by_a_colleague_in_another_partition_is_a_change_of_the_role()
    {
        Assert.True(CrossTenantEvidence(colleagueFirst: false) < 0.01);
        Assert.Equal(1.0, CrossTenantEvidence(colleagueFirst: true));
    }

    /// <summary>The strongest cross-tenant p-value in agent 2's globex session (1 when none).</summary>
    private static double CrossTenantEvidence(bool colleagueFirst)
    {
        var scenario = DetectorScenario.Of(RareTransitionTests.TriageFleet, (script, random) =>
        {
            if (colleagueFirst)
                Onboard(script, random, 1, hour: 9);
            Onboard(script, random, 2, hour: 10);
        });
        var options = ShadowReplay.Options();
        var engine = new DetectionEngine(options, ShadowReplay.Train(scenario.History, options), new InMemoryBindingTable(options));
        EngineShard first = engine.CreateShard(), second = engine.CreateShard();
        var result = new ScoreResult();
        foreach (var e in scenario.Test)
        {
            result.Clear();
            (e.Agent.Value.EndsWith("-1", StringComparison.Ordinal) ? first : second).Process(e, e.Time, result);
        }
        var evidence = second.OpenSessions.Single(s => s.Key.Session.Value == Habits.SessionId(Habits.Agent("triage", 2), Habits.TestDay, 10)).Evidence;
        return Enumerable.Range(0, evidence.KindCount).Select(evidence.BestAt).Where(b => b.Kind == EvidenceKind.CrossTenant).Select(b => b.PValue).DefaultIfEmpty(1).Min();
    }

    private static void Onboard(EventScript script, Random random, int n, int hour)
    {
        string agent = Habits.Agent("triage", n);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, hour), EventScript.At(Habits.TestDay, hour, 5),
            Habits.Triage(random).Select(s => s with { Tenant = "globex", Resource = "tickets/9001" }));
    }
}
