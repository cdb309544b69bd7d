using Detector.Domain.Identity;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Pipeline.Stages;

namespace Detector.Web.Tests.Metrics;

/// <summary>Hand-made completions, alerts and signals for sink and exporter tests.</summary>
internal static class Completions
{
    public static readonly EventTime At = EventTime.Parse("2026-01-05T10:00:00Z");

    public static Completion Applied(params Alert[] alerts) => new() { Disposition = Disposition.Applied, Alerts = alerts, EventTime = At };

    public static Completion Rejected(RejectReason reason) => new()
    {
        Disposition = reason == RejectReason.Duplicate ? Disposition.Duplicate : Disposition.Rejected,
        Reason = reason,
        EventTime = At,
    };

    public static Completion WithSignal(Alert alert, QuarantineAction action) => Applied(alert) with { Signals = [Signal(alert, action)] };

    public static Alert Alert(string id, string kind = "rare_transition", Severity severity = Severity.High, string agent = "spiffe://corp.example/agent/a",
        string tool = "export_data", EventTime? detectedAt = null) =>
        new(id, At, detectedAt ?? At, new AgentId(agent), new SessionId("s-1"), kind, severity, 0.9,
            [new EvidenceStep("e-1", At, tool, "transfer", "a note [p=0.001]")], "explanation of " + id, [new Feature("session_risk", 0.9)], "m-1");

    public static QuarantineSignal Signal(Alert alert, QuarantineAction action) =>
        new("sig-" + alert.AlertId, "agentdrift://test", alert.Time,
            new QuarantineOrder(alert.Agent, alert.Session, action, ["cred-1"], [alert.AlertId], alert.Severity, alert.Explanation, alert.Time + TimeSpan.FromHours(24), alert.ModelVersion));
}
