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

    /// <summary>
    /// A learned risk lifted to the threshold of a policy rule's severity. Within the lower half of the
    /// band up to the next threshold the sessions a rule lifts keep the order of their learned risk,
    /// so the rule alone sits at the threshold and the rule with stronger learned evidence above it:
    /// the severity is the rule's either way, but a ranking by risk does not see a block of ties.
    /// </summary>
    public double Floor(double risk, Severity floor)
    {
        double start = Of(floor);
        if (risk >= start || start <= 0)
            return Math.Max(risk, start);
        double next = floor >= Severity.Critical ? 1 : Of(floor + 1);
        return start + (next - start) * 0.5 * (Math.Max(risk, 0) / start);
    }

    public Severity Classify(double risk) =>
        risk >= Critical ? Severity.Critical
        : risk >= High ? Severity.High
        : risk >= Medium ? Severity.Medium
        : risk >= Low ? Severity.Low
        : Severity.None;
}
