using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Ingest;

/// <summary>
/// Events too far ahead of the ingest clock are dead-lettered as future_time: in replay (when
/// MaxFutureSkew is set) the clock is the stream's newest applied event time, in the worker the wall clock.
/// </summary>
public sealed class FutureTimeTests
{
    private const string Agent = "spiffe://corp.example/agent/triage-1";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(60, Disposition.Applied)]
    [InlineData(600, Disposition.Applied)]
    [InlineData(601, Disposition.Rejected)]
    [InlineData(86_400, Disposition.Rejected)]
    public async Task In_replay_an_event_ahead_of_the_streams_newest_time_by_more_than_the_skew_is_rejected(int secondsAhead, Disposition expected)
    {
        var input = new Input();
        for (int i = 0; i < 5; i++)
            input.Add(EventJson.Valid($"e-{i}", Stamp.Of(Stamp.Monday.AddSeconds(i)), Agent));
        int line = input.Add(EventJson.Valid("probe", Stamp.Of(Stamp.Monday.AddSeconds(4 + secondsAhead)), Agent));

        var run = await PipelineRun.RunAsync(input, Replay(Skew));

        var c = run.AtLine(line);
        Assert.Equal(expected, c.Disposition);
        if (expected == Disposition.Rejected)
            Assert.Equal(RejectReason.FutureTime, c.Reason);
    }

    [Fact]
    public async Task Replay_without_a_skew_applies_events_however_far_ahead()
    {
        var input = new Input();
        input.Add(EventJson.Valid("e-0", Stamp.Of(Stamp.Monday), Agent));
        int line = input.Add(EventJson.Valid("e-1", Stamp.Of(Stamp.Monday.AddDays(30)), Agent));

        var run = await PipelineRun.RunAsync(input, Replay(skew: null));

        Assert.Equal(Disposition.Applied, run.AtLine(line).Disposition);
        Assert.Equal(0, run.Summary.Future);
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_rejected_future_event_does_not_push_the_watermark_so_the_next_real_event_is_applied(PipelineKind kind)
    {
        var input = new Input();
        input.Add(EventJson.Valid("e-0", Stamp.Of(Stamp.Monday), Agent));
        int future = input.Add(EventJson.Valid("bad-clock", Stamp.Of(Stamp.Monday.AddHours(6)), Agent));
        int next = input.Add(EventJson.Valid("e-1", Stamp.Of(Stamp.Monday.AddSeconds(30)), Agent));

        var run = await PipelineRun.RunAsync(input, Replay(Skew, kind));

        Assert.Equal(RejectReason.FutureTime, run.AtLine(future).Reason);
        Assert.Equal(Disposition.Applied, run.AtLine(next).Disposition);
        Assert.Equal("future_time", run.DeadLetterLines.Single().GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(-86_400, Disposition.Applied)]
    [InlineData(299, Disposition.Applied)]
    [InlineData(300, Disposition.Applied)]
    [InlineData(301, Disposition.Rejected)]
    public async Task In_the_worker_an_event_ahead_of_the_wall_clock_by_more_than_the_skew_is_rejected(int secondsAhead, Disposition expected)
    {
        var wallClock = new ManualTimeProvider(Stamp.Monday);
        var input = new Input();
        int line = input.Add(EventJson.Valid("probe", Stamp.Of(Stamp.Monday.AddSeconds(secondsAhead)), Agent));

        var run = await PipelineRun.RunAsync(input, Worker(wallClock, TimeSpan.FromMinutes(5)));

        Assert.Equal(expected, run.AtLine(line).Disposition);
    }

    [Fact]
    public async Task In_the_worker_the_same_event_time_is_accepted_once_the_wall_clock_has_caught_up()
    {
        var wallClock = new ManualTimeProvider(Stamp.Monday);
        var ahead = Stamp.Of(Stamp.Monday.AddHours(1));
        var early = new Input();
        int rejected = early.Add(EventJson.Valid("e-1", ahead, Agent));
        var first = await PipelineRun.RunAsync(early, Worker(wallClock, TimeSpan.FromMinutes(5)));

        wallClock.Advance(TimeSpan.FromMinutes(56));
        var later = new Input();
        int applied = later.Add(EventJson.Valid("e-1", ahead, Agent));
        var second = await PipelineRun.RunAsync(later, Worker(wallClock, TimeSpan.FromMinutes(5)));

        Assert.Equal(RejectReason.FutureTime, first.AtLine(rejected).Reason);
        Assert.Equal(Disposition.Applied, second.AtLine(applied).Disposition);
    }

    private static RunSettings Replay(TimeSpan? skew, PipelineKind kind = PipelineKind.Channel)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Pipeline.MaxFutureSkew = skew;
        return settings;
    }

    private static RunSettings Worker(TimeProvider wallClock, TimeSpan skew)
    {
        var settings = new RunSettings { WallClock = wallClock };
        settings.Pipeline.MaxFutureSkew = skew;
        return settings;
    }
}
