using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Kafka.Tests.Enforcement;

/// <summary>Alerts made up for policy tests.</summary>
internal static class Alerts
{
    public static readonly EventTime Start = EventTime.Parse("2026-03-01T09:00:00Z");

    public static Alert Of(string agent, Severity severity, TimeSpan after, string session = "s-1", string id = "") => new(
        id.Length > 0 ? id : $"alert-{agent}-{severity}-{after.Ticks}",
        Start + after,
        Start + after,
        new AgentId(agent),
        new SessionId(session),
        "test_kind",
        severity,
        0.999,
        [new EvidenceStep($"e-{after.Ticks}", Start + after, "tool", "read", "note")],
        "explained",
        [],
        "m-1");
}
