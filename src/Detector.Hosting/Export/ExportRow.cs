using Detector.Domain.Identity;
using Detector.Domain.Outputs;

namespace Detector.Hosting.Export;

/// <summary>
/// One exported session: its label, the highest risk it reached, its alerts in the detector's order,
/// and the features of its alerts (each from the latest alert that carries it).
/// </summary>
public sealed record ExportRow(
    SessionKey Session,
    ExportLabel Label,
    double Score,
    int AlertCount,
    Severity? MaxSeverity,
    IReadOnlyList<string> AlertIds,
    IReadOnlyList<string> AlertKinds,
    IReadOnlyDictionary<string, double> Features);
