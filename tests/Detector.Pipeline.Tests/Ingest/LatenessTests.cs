using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Ingest;

/// <summary>
/// Each agent's watermark is its newest applied event time minus the allowed lateness (5 minutes by
/// default): an event at or after it is applied even out of order, an older one is dead-lettered late.
/// </summary>
public sealed class LatenessTests
{
    private const string Agent = "spiffe://corp.example/agent/triage-1";
    private const string Other = "spiffe://corp.example/agent/triage-2";

    [Theory]
    [InlineData(-60, Disposition.Applied)]
    [InlineData(-299, Disposition.Applied)]
    [InlineData(-300, Disposition.Applied)]
    [InlineData(-301, Disposition.Rejected)]
    [InlineData(-3600, Disposition.Rejected)]
    public async Task An_event_behind_its_agents_newest_is_applied_up_to_the_allowed_lateness(int secondsBehind, Disposition expected)
    {
        var input = Warmup(out var newest);
        int line = input.Add(EventJson.Valid("probe", Stamp.Of(newest.AddSeconds(secondsBehind)), Agent, "s-9"));

        var run = await PipelineRun.RunAsync(input);

        var c = run.AtLine(line);
        Assert.Equal(expected, c.Disposition);
        if (expected == Disposition.Rejected)
        {
            Assert.Equal(RejectReason.LateEvent, c.Reason);
            Assert.Equal("late_event", run.DeadLetterLines.Single().GetProperty("reason").GetString());
        }
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Out_of_order_events_do_not_move_the_watermark_back(PipelineKind kind)
    {
        var input = Warmup(out var newest);
        int withinLateness = input.Add(EventJson.Valid("back-4m", Stamp.Of(newest.AddMinutes(-4)), Agent, "s-9"));
        int beyond = input.Add(EventJson.Valid("back-6m", Stamp.Of(newest.AddMinutes(-6)), Agent, "s-9"));

        var run = await PipelineRun.RunAsync(input, new RunSettings { Kind = kind });

        Assert.Equal(Disposition.Applied, run.AtLine(withinLateness).Disposition);
        Assert.Equal(RejectReason.LateEvent, run.AtLine(beyond).Reason);
        Assert.Equal(1, run.Summary.Late);
    }

    [Fact]
    public async Task Watermarks_are_per_agent_so_another_agents_older_events_are_applied()
    {
        var input = Warmup(out var newest);
        int other = input.Add(EventJson.Valid("other-1", Stamp.Of(newest.AddHours(-3)), Other, "s-other"));
        int otherLater = input.Add(EventJson.Valid("other-2", Stamp.Of(newest.AddHours(-3).AddSeconds(5)), Other, "s-other"));

        var run = await PipelineRun.RunAsync(input);

        Assert.Equal(Disposition.Applied, run.AtLine(other).Disposition);
        Assert.Equal(Disposition.Applied, run.AtLine(otherLater).Disposition);
        Assert.Equal(0, run.Summary.Late);
    }

    [Fact]
    public async Task A_longer_allowed_lateness_applies_what_the_default_rejects()
    {
        var input = Warmup(out var newest);
        int line = input.Add(EventJson.Valid("back-20m", Stamp.Of(newest.AddMinutes(-20)), Agent, "s-9"));
        var settings = new RunSettings();
        settings.Pipeline.AllowedLateness = TimeSpan.FromMinutes(30);

        var run = await PipelineRun.RunAsync(input, settings);

        Assert.Equal(Disposition.Applied, run.AtLine(line).Disposition);
    }

    /// <summary>Ten in-order events of one agent, 30 s apart; <paramref name="newest"/> is the last one's time.</summary>
    private static Input Warmup(out DateTimeOffset newest)
    {
        var input = new Input();
        newest = Stamp.Monday;
        for (int i = 0; i < 10; i++)
        {
            newest = Stamp.Monday.AddSeconds(30 * i);
            input.Add(EventJson.Valid($"e-{i}", Stamp.Of(newest), Agent, "s-1"));
        }
        return input;
    }
}
