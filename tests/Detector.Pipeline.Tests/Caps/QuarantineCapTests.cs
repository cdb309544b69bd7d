using Detector.Domain.Outputs;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>
/// Quarantine:MaxTrackedAgents bounds the cooldown memory: beyond it the least recently signalled
/// agent is forgotten, so its next alert within the cooldown is signalled again, while an agent still
/// remembered stays in cooldown. Scores come from a scripted shard so exactly the chosen events alert.
/// </summary>
public sealed class QuarantineCapTests
{
    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Beyond_the_cap_the_least_recently_signalled_agent_is_forgotten_first(PipelineKind kind)
    {
        var input = new Input();
        input.Add(Medium("a-1", "a", 0));
        input.Add(Medium("b-1", "b", 1));
        input.Add(Medium("c-1", "c", 2));
        int aAgain = input.Add(Medium("a-2", "a", 3));
        int cAgain = input.Add(Medium("c-2", "c", 4));

        var run = await PipelineRun.RunAsync(input, Settings(kind, maxTrackedAgents: 2), _ => new ScriptedShard());

        Assert.Single(run.AtLine(aAgain).Signals);
        Assert.Empty(run.AtLine(cAgain).Signals);
        Assert.Equal(4, run.Summary.SignalsFor(QuarantineAction.StepUp));
        Assert.Equal(1, run.Graph.Shards.Single().Policy.Suppressed);
    }

    [Fact]
    public async Task With_room_for_every_agent_each_repeat_within_the_cooldown_is_withheld()
    {
        var input = new Input();
        input.Add(Medium("a-1", "a", 0));
        input.Add(Medium("b-1", "b", 1));
        input.Add(Medium("c-1", "c", 2));
        int aAgain = input.Add(Medium("a-2", "a", 3));
        int cAgain = input.Add(Medium("c-2", "c", 4));

        var run = await PipelineRun.RunAsync(input, Settings(PipelineKind.Inline, maxTrackedAgents: 3), _ => new ScriptedShard());

        Assert.Empty(run.AtLine(aAgain).Signals);
        Assert.Empty(run.AtLine(cAgain).Signals);
        Assert.Equal(3, run.Summary.SignalsFor(QuarantineAction.StepUp));
    }

    [Fact]
    public async Task A_flood_of_alerting_agents_never_tracks_more_than_the_cap()
    {
        // Every agent alerts twice, the second time after 40 others: with a cap of 40 every first
        // signal has been forgotten by then, so every repeat is signalled.
        const int agents = 200, gap = 40;
        var input = new Input();
        for (int i = 0; i < agents + gap; i++)
        {
            if (i < agents)
                input.Add(Medium($"first-{i}", $"flood-{i}", i));
            if (i >= gap)
                input.Add(Medium($"again-{i - gap}", $"flood-{i - gap}", i));
        }

        var run = await PipelineRun.RunAsync(input, Settings(PipelineKind.Channel, maxTrackedAgents: gap), _ => new ScriptedShard());

        Assert.Equal(2 * agents, run.Summary.SignalsFor(QuarantineAction.StepUp));
        Assert.Equal(0, run.Graph.Shards.Single().Policy.Suppressed);
    }

    private static System.Text.Json.Nodes.JsonObject Medium(string id, string agent, int second) =>
        EventJson.Valid(id, Stamp.Of(Stamp.Monday.AddSeconds(second)), $"spiffe://corp.example/agent/{agent}", "s-1", "medium");

    private static RunSettings Settings(PipelineKind kind, int maxTrackedAgents)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Quarantine.MaxTrackedAgents = maxTrackedAgents;
        return settings;
    }
}
