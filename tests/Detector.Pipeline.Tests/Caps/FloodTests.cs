using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>
/// Every cap at once, with two shards, under a flood where each event brings a new agent, session,
/// credential and event id: state stays at the caps and everything beyond them is counted as evicted.
/// </summary>
public sealed class FloodTests
{
    private const int Events = 3_000;
    private const int Shards = 2;
    private const int MaxAgents = 20, MaxSessions = 30, MaxBindings = 25, MaxEventIds = 50;

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_flood_of_new_identities_leaves_every_piece_of_state_at_its_cap(PipelineKind kind)
    {
        var input = new Input();
        for (int i = 0; i < Events; i++)
        {
            input.Add(EventJson.Valid($"e-{i}", Stamp.Of(Stamp.Monday.AddMilliseconds(100 * i)), $"spiffe://flood.example/agent/{i}", $"s-{i}", "deploy_service")
                .With("credential_id", $"cred-{i}"));
        }
        var settings = new RunSettings { Kind = kind };
        settings.Pipeline.Shards = Shards;
        settings.Pipeline.MaxRememberedEventIds = MaxEventIds;
        settings.Engine.MaxAgents = MaxAgents;
        settings.Engine.MaxSessions = MaxSessions;
        settings.Engine.MaxBindings = MaxBindings;

        var run = await PipelineRun.RunAsync(input, settings);

        var state = run.Summary.State;
        Assert.Equal(Events, run.Summary.Applied);
        Assert.Equal(Shards * MaxAgents, state.Agents);
        Assert.Equal(Events - Shards * MaxAgents, state.AgentsEvicted);
        Assert.Equal(Shards * MaxSessions, state.Sessions);
        Assert.Equal(Events - Shards * MaxSessions, state.SessionsEvicted);
        // The binding table is shared by the shards: one credential map and one session map, each capped.
        Assert.Equal((2L * MaxBindings, 2L * (Events - MaxBindings)), run.Engine.Bindings.Size);
        Assert.All(run.Graph.Shards, s => Assert.Equal(MaxEventIds, s.Gate.Dedup.Count));
        Assert.Equal(Events - Shards * MaxEventIds, run.Summary.EventIdsEvicted);
    }
}
