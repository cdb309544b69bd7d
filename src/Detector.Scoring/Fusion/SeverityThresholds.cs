using Detector.Domain.Outputs;

namespace Detector.Scoring.Fusion;

/// <summary>Calibrated session-risk thresholds per severity (risk r: a benign session gets there with chance 1 - r).</summary>
public sealed record SeverityThresholds(double Low, double Medium, double High, double Critical)
{
    public static SeverityThresholds From(IReadOnlyDictionary<Severity, double> map) =>
        new(map[Severity.Low], map[Severity.Medium], map[Severity.High], map[Severity.Critical]);

    /// <summary>The calibrated risk a severity starts at.</summary>
    public double Of(Severity severity) => severity switch
    {
        Severity.Low => Low,
        Severity.Medium => Medium,
        Severity.High => High,
        Severity.Critical => Critical,
        _ => 0,
    };

    public Severity Classify(double risk) =>
        risk >= Critical ? Severity.Critical
        : risk >= High ? Severity.High
        : risk >= Medium ? Severity.Medium
        : risk >= Low ? Severity.Low
        : Severity.None;
}
