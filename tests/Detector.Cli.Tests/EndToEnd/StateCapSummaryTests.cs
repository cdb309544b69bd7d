using Detector.Cli.Tests.Support;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>State caps set on the command line hold in a replay, and their evictions are counted in the summary.</summary>
[Collection(CliCollection.Name)]
public sealed class StateCapSummaryTests(SmallDataset data)
{
    [Fact]
    public async Task Capped_agents_sessions_and_event_ids_are_evicted_and_counted_in_the_summary()
    {
        var run = await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model,
            "--set", "Engine:MaxAgents=3", "--set", "Engine:MaxSessions=5", "--set", "Pipeline:MaxRememberedEventIds=100");

        long agents = run.SummaryCount("evicted agents"), sessions = run.SummaryCount("evicted sessions"), eventIds = run.SummaryCount("evicted event ids");
        Assert.Equal(3, run.SummaryCount("agents tracked"));
        Assert.True(agents > 0, $"no agent evicted:\n{run.Output}");
        Assert.True(sessions > 0, $"no session evicted:\n{run.Output}");
        // Ids older than the de-duplication window are forgotten anyway; only those the cap pushed out count.
        Assert.InRange(eventIds, 1, run.SummaryCount("events applied") - 100);
    }

    [Fact]
    public async Task Without_caps_in_reach_nothing_is_evicted()
    {
        var run = await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model);

        Assert.Equal((0L, 0L, 0L, 0L, 0L), (run.SummaryCount("evicted agents"), run.SummaryCount("evicted sessions"),
            run.SummaryCount("evicted bindings"), run.SummaryCount("evicted event ids"), run.SummaryCount("evicted cooldowns")));
    }
}
