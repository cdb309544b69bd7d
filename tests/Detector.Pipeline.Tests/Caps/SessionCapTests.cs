using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>Engine:MaxSessions under a flood of new sessions of one agent: idle sessions go first, the active one stays.</summary>
public sealed class SessionCapTests
{
    private const int Cap = 4;
    private const int Flood = 25;
    private const string Agent = "spiffe://corp.example/agent/triage-1";

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_flood_of_new_sessions_evicts_the_idlest_and_keeps_the_active_one(PipelineKind kind)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Engine.MaxSessions = Cap;

        var run = await PipelineRun.RunAsync(FloodInput(), settings);

        var open = run.Shard.OpenSessions.Select(s => s.Key.Session.Value).ToList();
        Assert.Equal(Cap, open.Count);
        Assert.Contains("s-active", open);
        Assert.Contains($"s-flood-{Flood - 1}", open);
        Assert.DoesNotContain("s-first", open);
        Assert.DoesNotContain("s-flood-0", open);
        Assert.Equal(Cap, run.Summary.State.Sessions);
        Assert.Equal(Flood + 2 - Cap, run.Summary.State.SessionsEvicted);
    }

    private static Input FloodInput()
    {
        var input = new Input();
        var t = Stamp.Monday;
        input.Add(EventJson.Valid("first", Stamp.Of(t), Agent, "s-first"));
        for (int i = 0; i < Flood; i++)
        {
            t = t.AddSeconds(1);
            input.Add(EventJson.Valid($"active-{i}", Stamp.Of(t), Agent, "s-active"));
            t = t.AddSeconds(1);
            input.Add(EventJson.Valid($"flood-{i}", Stamp.Of(t), Agent, $"s-flood-{i}"));
        }
        return input;
    }
}
