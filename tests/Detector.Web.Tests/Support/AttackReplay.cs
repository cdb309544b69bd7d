using Detector.Domain.Outputs;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Detector.Web.Hosting;

namespace Detector.Web.Tests.Support;

/// <summary>
/// The test fleet with its injected attack, replayed into a host's surfaces (or, given none, straight
/// into a collecting sink), and the attack's strongest alert picked from what was emitted.
/// </summary>
internal sealed record AttackReplay(AgentTraffic Traffic, CollectingSink Emitted)
{
    public Alert AttackAlert => Emitted.Alerts.Where(a => a.Session.Value == AgentTraffic.AttackSession).MaxBy(a => a.Severity)
        ?? throw new InvalidOperationException("the injected attack raised no alert");

    public static async Task<AttackReplay> RunAsync(DetectorSurfaces? surfaces)
    {
        using var dir = new TempDirectory();
        var traffic = new AgentTraffic();
        traffic.WriteTo(dir.File("events.jsonl"));
        var emitted = new CollectingSink();
        if (surfaces is null)
        {
            await Replay.RunAsync(dir.File("events.jsonl"), null, emitted);
            return new AttackReplay(traffic, emitted);
        }
        surfaces.Metrics.SetModelVersion("active", DetectorModel.Empty.Version);
        var attached = surfaces.Attach(emitted);
        await Replay.RunAsync(dir.File("events.jsonl"), attached.Tap, attached.Sink, surfaces.Metrics);
        return new AttackReplay(traffic, emitted);
    }
}
