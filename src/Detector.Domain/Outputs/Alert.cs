using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Domain.Outputs;

/// <summary>
/// An alert for SOC analysts (docs/schemas/alert.schema.json). <see cref="Time"/> is the event time
/// of the triggering event; <see cref="DetectedAt"/> is that event time in replay and the wall clock
/// in the worker. <see cref="Evidence"/> lists the evidence events in order, the last one triggered.
/// </summary>
public sealed record Alert(
    string AlertId,
    EventTime Time,
    EventTime DetectedAt,
    AgentId Agent,
    SessionId Session,
    string Kind,
    Severity Severity,
    double Score,
    IReadOnlyList<EvidenceStep> Evidence,
    string Explanation,
    IReadOnlyList<Feature> Features,
    string ModelVersion)
{
    public string TriggerEventId => Evidence[^1].EventId;
}
