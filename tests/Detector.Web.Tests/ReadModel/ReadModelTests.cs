using Detector.Observability.Influx;
using Detector.TestSupport;
using Detector.Web.ReadModel;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.ReadModel;

public sealed class ReadModelTests
{
    [Fact]
    public async Task A_replay_publishes_a_snapshot_with_every_alert_and_window_points_that_add_up_to_the_events()
    {
        var points = new CapturingPoints();
        await using var model = new DashboardReadModel(new ReadModelOptions(), points);
        using var dir = new TempDirectory();
        var traffic = new AgentTraffic();
        traffic.WriteTo(dir.File("events.jsonl"));
        var emitted = new CollectingSink();

        await Replay.RunAsync(dir.File("events.jsonl"), model, new Pipeline.Sinks.CompositeOutcomeSink([emitted, model]));

        var snapshot = model.Snapshot;
        Assert.Equal(traffic.Lines.Count, snapshot.Events);
        Assert.Equal(emitted.Alerts.Select(a => a.AlertId).Reverse(), snapshot.Alerts.Select(a => a.AlertId));
        Assert.Equal(4, snapshot.Agents.Count);
        Assert.Equal(traffic.Lines.Count, points.Lines.Sum(l => long.Parse(l.Split("events=")[1].Split('i')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(points.Lines, l => Assert.StartsWith(AgentWindowMeasurement, l));
        Assert.Equal(0, model.Dropped);
    }

    [Fact]
    public async Task Caps_on_agents_and_alerts_keep_the_newest()
    {
        await using var model = new DashboardReadModel(new ReadModelOptions { MaxAgents = 2, MaxAlerts = 3 });
        using var dir = new TempDirectory();
        new AgentTraffic().WriteTo(dir.File("events.jsonl"));
        var emitted = new CollectingSink();

        await Replay.RunAsync(dir.File("events.jsonl"), model, new Pipeline.Sinks.CompositeOutcomeSink([emitted, model]));

        Assert.Equal(2, model.Snapshot.Agents.Count);
        Assert.Equal(emitted.Alerts.TakeLast(3).Select(a => a.AlertId).Reverse(), model.Snapshot.Alerts.Select(a => a.AlertId));
        Assert.Null(await model.GetAgentAsync(new Domain.Identity.AgentId("spiffe://nobody"), default));
    }

    private const string AgentWindowMeasurement = "agentdrift_agent,agent=";

    private sealed class CapturingPoints : IPointWriter
    {
        public List<string> Lines { get; } = [];

        public bool TryWrite(LinePoint point)
        {
            Lines.Add(point.ToLine());
            return true;
        }
    }
}
