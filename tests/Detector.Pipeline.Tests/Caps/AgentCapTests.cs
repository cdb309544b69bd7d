using Detector.Domain.Identity;
using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>
/// Engine:MaxAgents under a flood of new agents: the count never passes the cap, the idlest agent
/// goes first, an agent that keeps working keeps its state, and every eviction is counted.
/// </summary>
public sealed class AgentCapTests
{
    private const int Cap = 3;
    private const int Flood = 20;
    private const string Idle = "spiffe://corp.example/agent/idle";
    private const string Busy = "spiffe://corp.example/agent/busy";

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_flood_of_new_agents_evicts_the_idlest_and_keeps_the_busy_one(PipelineKind kind)
    {
        var run = await PipelineRun.RunAsync(FloodInput(out _), Settings(kind));

        var shard = run.Shard;
        Assert.False(shard.TryGetHighWater(new AgentId(Idle), out _));
        Assert.True(shard.TryGetHighWater(new AgentId(Busy), out _));
        Assert.True(shard.TryGetHighWater(new AgentId(FloodAgent(Flood - 1)), out _));
        Assert.False(shard.TryGetHighWater(new AgentId(FloodAgent(0)), out _));
    }

    [Fact]
    public async Task The_agent_count_stays_at_the_cap_and_each_eviction_is_counted()
    {
        var run = await PipelineRun.RunAsync(FloodInput(out _), Settings(PipelineKind.Channel));

        int distinct = Flood + 2;
        Assert.Equal(Cap, run.Summary.State.Agents);
        Assert.Equal(distinct - Cap, run.Summary.State.AgentsEvicted);
        Assert.Equal(run.Summary.Records, run.Summary.Applied);
    }

    [Fact]
    public async Task The_busy_agent_keeps_its_watermark_while_the_evicted_one_starts_again()
    {
        var input = FloodInput(out var last);
        int busyLate = input.Add(EventJson.Valid("busy-late", Stamp.Of(last.AddMinutes(-30)), Busy, "s-busy"));
        int idleBack = input.Add(EventJson.Valid("idle-back", Stamp.Of(Stamp.Monday.AddMinutes(-30)), Idle, "s-idle"));

        var run = await PipelineRun.RunAsync(input, Settings(PipelineKind.Inline));

        Assert.Equal(RejectReason.LateEvent, run.AtLine(busyLate).Reason);
        Assert.Equal(Disposition.Applied, run.AtLine(idleBack).Disposition);
    }

    private static string FloodAgent(int i) => $"spiffe://corp.example/agent/flood-{i}";

    /// <summary>The idle agent once, then the busy agent between every new flood agent, one second apart.</summary>
    private static Input FloodInput(out DateTimeOffset last)
    {
        var input = new Input();
        var t = Stamp.Monday;
        input.Add(EventJson.Valid("idle-0", Stamp.Of(t), Idle, "s-idle"));
        for (int i = 0; i < Flood; i++)
        {
            t = t.AddSeconds(1);
            input.Add(EventJson.Valid($"busy-{i}", Stamp.Of(t), Busy, "s-busy"));
            t = t.AddSeconds(1);
            input.Add(EventJson.Valid($"flood-{i}", Stamp.Of(t), FloodAgent(i), "s-flood"));
        }
        last = t;
        return input;
    }

    private static RunSettings Settings(PipelineKind kind)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Engine.MaxAgents = Cap;
        return settings;
    }
}
