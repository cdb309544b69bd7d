using Detector.Scoring.Tests.Detectors;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>
/// An agent's snapshot (its profile and open sessions) taken mid-session and restored into the shard
/// carries everything the rest of the session is scored with: evidence, chain and rule progress,
/// sequence position, risk and alerted severity.
/// </summary>
public sealed class SnapshotRestoreTests
{
    /// <summary>Events the first pass scores after the checkpoint before it crashes (a checkpoint interval's worth).</summary>
    private const int FirstPassPastCheckpoint = 300;

    [Fact]
    public void An_attack_interrupted_just_before_its_alert_alerts_at_the_same_step_with_the_same_risk_after_restore()
    {
        var fleet = Fleet.Instance;
        var events = fleet.TestEvents();
        var straight = new ShardRun(fleet.Model).Feed(events).Results;
        int checkedSessions = 0;

        foreach (string session in fleet.MaliciousSessions.Order(StringComparer.Ordinal))
        {
            var steps = Enumerable.Range(0, events.Count).Where(i => events[i].Session.Value == session).ToList();
            int alerting = steps.FindIndex(i => straight[i].Alerts.Count > 0);
            if (alerting < 2)
                continue;
            int cut = steps[alerting - 1];
            var run = new ShardRun(fleet.Model).Feed(events.Take(cut));
            var (agent, snapshot) = run.Shard.Snapshot([events[cut].Agent]).Single();

            run.Shard.Restore(snapshot);
            run.Feed(events.Skip(cut));

            Assert.Equal(events[cut].Agent, agent);
            var rest = steps.Where(i => i >= cut).ToList();
            Assert.Equal(rest.Select(i => straight[i].Risk), rest.Select(i => run.Results[i].Risk));
            Assert.Equal(rest.SelectMany(i => straight[i].AlertFacts), rest.SelectMany(i => run.Results[i].AlertFacts));
            Assert.NotEmpty(run.Results[steps[alerting]].Alerts);
            checkedSessions++;
        }

        Assert.True(checkedSessions >= 5, $"only {checkedSessions} attack sessions alerted late enough to interrupt");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(2)]
    public void Every_session_open_at_a_snapshot_scores_its_next_step_as_if_never_interrupted(int cutDivisor)
    {
        var fleet = Fleet.Instance;
        var events = fleet.TestEvents();
        var straight = new ShardRun(fleet.Model).Feed(events).Results;
        int cut = events.Count / cutDivisor;
        var run = new ShardRun(fleet.Model).Feed(events.Take(cut));
        var open = run.Shard.OpenSessions.Select(s => s.Key).ToHashSet();
        var snapshots = run.Shard.Snapshot(run.Shard.Agents.Select(a => a.Agent).ToList()).ToList();

        foreach (var (_, snapshot) in snapshots)
            run.Shard.Restore(snapshot);
        run.Feed(events.Skip(cut));

        // Each open session's first step after the cut: scored from restored state alone.
        var next = Enumerable.Range(cut, events.Count - cut)
            .Where(i => open.Contains(events[i].SessionKey))
            .GroupBy(i => events[i].SessionKey)
            .Select(g => g.First())
            .ToList();
        Assert.NotEmpty(next);
        Assert.Equal(next.Select(i => straight[i].Risk), next.Select(i => run.Results[i].Risk));
        Assert.Equal(next.SelectMany(i => straight[i].AlertFacts), next.SelectMany(i => run.Results[i].AlertFacts));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void After_a_crash_a_fresh_shard_restored_from_the_checkpoint_scores_the_replayed_input_as_the_first_pass_did(int cutDivisor)
    {
        var fleet = Fleet.Instance;
        var events = fleet.TestEvents();
        var straight = new ShardRun(fleet.Model).Feed(events).Results;
        int cut = events.Count / cutDivisor;
        var run = new ShardRun(fleet.Model).Feed(events.Take(cut));
        var snapshots = run.Shard.Snapshot(run.Shard.Agents.Select(a => a.Agent).ToList()).ToList();
        byte[] groups = GroupsCheckpoint(run.Shard);
        // The first pass goes on past the checkpoint, its uses reaching the shared binding table, until the crash.
        run.Feed(events.Skip(cut).Take(FirstPassPastCheckpoint));

        // The restarted worker: a new shard of the same model (and the same shared table), rebuilt from the checkpoint alone.
        var restarted = run.Restart();
        foreach (var (_, snapshot) in snapshots)
            restarted.Restore(snapshot);
        Assert.True(restarted.RestoreGroups(new BinaryReader(new MemoryStream(groups))));
        var replayed = run.Feed(events.Skip(cut)).Results.Skip(cut + FirstPassPastCheckpoint).ToList();

        var rest = straight.Skip(cut).ToList();
        Assert.Equal(rest.Select(r => r.Risk), replayed.Select(r => r.Risk));
        Assert.Equal(rest.SelectMany(r => r.AlertFacts), replayed.SelectMany(r => r.AlertFacts));
        Assert.NotEmpty(replayed.SelectMany(r => r.Alerts));
    }

    [Fact]
    public void A_stale_credential_use_read_again_after_a_crash_is_flagged_again_though_the_shared_table_already_saw_it()
    {
        // The owning session itself takes the credential up again four hours after it went quiet: its own
        // uses refresh the shared binding, so by the restart the table holds the very use being replayed.
        string agent = Habits.Agent("billing", 1), session = Habits.SessionId(agent, Habits.TestDay, 9);
        var step = ScriptedStep.Read("read_invoice") with { CredentialId = "cred-morning", CredentialExpiresIn = TimeSpan.FromHours(12) };
        var events = new EventScript("t")
            .Session(agent, session, EventScript.At(Habits.TestDay, 9), [step, step, step])
            .Session(agent, session, EventScript.At(Habits.TestDay, 13), [step, step])
            .Events;
        int cut = 3; // the checkpoint falls between the morning's uses and the afternoon's
        var run = new ShardRun(Fleet.Instance.Model).Feed(events.Take(cut));
        var (_, snapshot) = run.Shard.Snapshot([events[0].Agent]).Single();
        byte[] groups = GroupsCheckpoint(run.Shard);
        run.Feed(events.Skip(cut));
        Assert.True(FlaggedStale(run.Shard, events[^1]));

        var restarted = run.Restart();
        restarted.Restore(snapshot);
        Assert.True(restarted.RestoreGroups(new BinaryReader(new MemoryStream(groups))));
        run.Feed(events.Skip(cut));

        Assert.True(FlaggedStale(restarted, events[^1]));
        Assert.Equal(run.Results.Skip(cut).Take(events.Count - cut).Select(r => r.Risk), run.Results.Skip(events.Count).Select(r => r.Risk));
    }

    [Fact]
    public void Taking_checkpoints_between_any_two_events_changes_no_score()
    {
        var fleet = Fleet.Instance;
        var events = fleet.TestEvents();
        var straight = new ShardRun(fleet.Model).Feed(events).Results;
        var run = new ShardRun(fleet.Model);
        for (int i = 0; i < events.Count; i++)
        {
            run.Feed([events[i]]);
            if (i % 7 == 3)
            {
                _ = run.Shard.Snapshot(run.Shard.TakeDirtyAgents()).ToList();
                _ = GroupsCheckpoint(run.Shard);
            }
        }

        Assert.Equal(straight.Select(r => r.Risk), run.Results.Select(r => r.Risk));
        Assert.Equal(straight.SelectMany(r => r.AlertFacts), run.Results.SelectMany(r => r.AlertFacts));
    }

    [Fact]
    public void Groups_checkpointed_against_another_model_version_are_not_applied()
    {
        var fleet = Fleet.Instance;
        var run = new ShardRun(fleet.Model).Feed(fleet.TestEvents().Take(500));
        byte[] groups = GroupsCheckpoint(run.Shard);
        var other = new ShardRun(fleet.Model with { Version = "another" });
        byte[] before = GroupBytes(other.Shard);

        Assert.False(other.Shard.RestoreGroups(new BinaryReader(new MemoryStream(groups))));
        Assert.Equal(before, GroupBytes(other.Shard));
        Assert.NotEqual(before, GroupBytes(run.Shard));
    }

    [Fact]
    public void A_snapshot_of_another_format_is_refused()
    {
        var run = new ShardRun(Fleet.Instance.Model).Feed(Fleet.Instance.TestEvents().Take(50));
        var (_, snapshot) = run.Shard.Snapshot([run.Shard.Agents.First().Agent]).Single();
        snapshot[0] = 99;

        var error = Assert.Throws<InvalidDataException>(() => run.Shard.Restore(snapshot));

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    private static bool FlaggedStale(Detector.Scoring.Engine.EngineShard shard, Detector.Domain.Events.ToolEvent last) =>
        shard.OpenSessions.Single(s => s.Key == last.SessionKey).Evidence.Steps
            .Any(step => step.Finding.Kind == Detector.Scoring.Evidence.EvidenceKind.CredentialMisuse && step.Finding.Subject!.Contains("used again", StringComparison.Ordinal));

    /// <summary>The shard's peer groups as a checkpoint writes them.</summary>
    private static byte[] GroupsCheckpoint(Detector.Scoring.Engine.EngineShard shard)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
            shard.WriteGroups(w);
        return stream.ToArray();
    }

    private static byte[] GroupBytes(Detector.Scoring.Engine.EngineShard shard)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            foreach (var group in shard.Groups.Groups)
                group.Write(w);
        }
        return stream.ToArray();
    }
}
