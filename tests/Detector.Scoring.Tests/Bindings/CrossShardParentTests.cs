using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Scoring.Profiles;
using Detector.Scoring.Tests.Detectors;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Bindings;

/// <summary>
/// A delegated session whose parent is scored by another shard (another partition, another worker). Each
/// shard opens groups for configured role names in the order its own agents bring them, so the parent's
/// group must travel by name: by index it would land on whatever group the child's shard numbered so.
/// </summary>
public sealed class CrossShardParentTests
{
    [Fact]
    public void A_child_learns_into_its_parents_group_though_the_two_shards_numbered_their_groups_differently()
    {
        var options = new EngineOptions { PeerGroups = [new PeerGroupRule { Pattern = "/agent/(?<group>[a-z]+)-" }] };
        var engine = new DetectionEngine(options, DetectorModel.Empty, new InMemoryBindingTable(options));
        var parentShard = engine.CreateShard();
        var childShard = engine.CreateShard();
        string planner = Habits.Agent("planner", 1), worker = Habits.Agent("worker", 1), other = Habits.Agent("other", 1);
        string parent = Habits.SessionId(planner, Habits.TestDay, 9);
        var script = new EventScript("t")
            .Session(other, "o-1", EventScript.At(Habits.TestDay, 8), [ScriptedStep.Read("look")])
            .Session(planner, parent, EventScript.At(Habits.TestDay, 9), [ScriptedStep.Read("plan_work") with { Intent = "reconcile invoices" }])
            .Session(planner, "p-2", EventScript.At(Habits.TestDay, 8, 30), [ScriptedStep.Read("plan_work")])
            .Session(worker, "w-1", EventScript.At(Habits.TestDay, 9, 1), [ScriptedStep.Write("update_ledger") with { ParentAgent = planner, ParentSession = parent }]);
        var events = script.Events;
        var result = new ScoreResult();
        // The parent's shard meets "other" then "planner"; the child's shard meets "planner" then "worker".
        foreach (var e in events.Where(e => e.Agent.Value != worker && e.Session.Value != "p-2"))
            parentShard.Process(e, e.Time, result);
        foreach (var e in events.Where(e => e.Session.Value is "p-2" or "w-1"))
            childShard.Process(e, e.Time, result);

        Assert.NotEqual(parentShard.Groups.IndexOf("planner"), childShard.Groups.IndexOf("planner"));
        Assert.True(IntentSteps(childShard, "planner") > 0);
        Assert.Equal(0, IntentSteps(childShard, "worker"));
        Assert.Equal(0, IntentSteps(childShard, "other"));
    }

    private static long IntentSteps(EngineShard shard, string group) => shard.Groups[shard.Groups.IndexOf(group)].IntentActions.Total;
}
