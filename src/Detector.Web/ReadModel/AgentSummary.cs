using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// One row of the agent ranking. <see cref="Risk"/> is the calibrated risk of the agent's latest
/// session after its latest event; <see cref="PeakRisk"/> the highest it reached in the last 24 hours
/// of its event time.
/// </summary>
public sealed record AgentSummary(
    AgentId Agent,
    double Risk,
    double PeakRisk,
    SessionId Session,
    EventTime LastSeen,
    long Events,
    int Alerts,
    Severity TopSeverity,
    string? TopTool);
