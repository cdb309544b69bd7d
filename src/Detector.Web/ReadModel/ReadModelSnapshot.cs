using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// What the API serves, immutable once published: agents ranked by current risk, the recent alerts
/// (newest first, also by id), the recent quarantine signals, the newest event time seen and counts.
/// </summary>
public sealed record ReadModelSnapshot(
    EventTime Watermark,
    long Events,
    long Dropped,
    IReadOnlyList<AgentSummary> Agents,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<string, Alert> AlertsById,
    IReadOnlyList<QuarantineSignal> Signals)
{
    public static ReadModelSnapshot Empty { get; } = new(EventTime.MinValue, 0, 0, [], [], new Dictionary<string, Alert>(), []);
}
