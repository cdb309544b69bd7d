using Detector.Domain.Outputs;
using Detector.TestSupport;
using Detector.Web.Hosting;

namespace Detector.Web.Tests.Support;

/// <summary>The test fleet with its injected attack, replayed into a host's surfaces; the attack's alert picked from what was emitted.</summary>
internal sealed record AttackReplay(AgentTraffic Traffic, CollectingSink Emitted, Alert AttackAlert)
{
    public static async Task<AttackReplay> RunAsync(DetectorSurfaces surfaces)
    {
        using var dir = new TempDirectory();
        var traffic = new AgentTraffic();
        traffic.WriteTo(dir.File("events.jsonl"));
        var emitted = new CollectingSink();
        var attached = surfaces.Attach(emitted);
        await Replay.RunAsync(dir.File("events.jsonl"), attached.Tap, attached.Sink, surfaces.Metrics);
        var alert = emitted.Alerts.Single(a => a.Session.Value == AgentTraffic.AttackSession && a.Severity == emitted.Alerts.Where(x => x.Session.Value == AgentTraffic.AttackSession).Max(x => x.Severity));
        return new AttackReplay(traffic, emitted, alert);
    }
}
