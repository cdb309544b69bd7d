using Detector.Domain.Outputs;

namespace Detector.Web.Feedback;

/// <summary>
/// The suppressions in force, as an array replaced whole whenever an analyst adds or lifts one, so the
/// emitting thread checks alerts with one volatile read and no lock. Expiry is checked per alert.
/// </summary>
public sealed class SuppressionFilter
{
    private Suppression[] _rules = [];

    /// <summary>False when no rule is in place: the sink then passes completions through untouched.</summary>
    public bool IsEmpty => Volatile.Read(ref _rules).Length == 0;

    public void Replace(IEnumerable<Suppression> suppressions) => Volatile.Write(ref _rules, suppressions.Where(s => s.LiftedAt is null).ToArray());

    /// <summary>The first rule in force at the alert's detection time that matches it, if any.</summary>
    public Suppression? Match(Alert alert, string? destination)
    {
        var at = alert.DetectedAt.ToDateTimeOffset();
        foreach (var rule in Volatile.Read(ref _rules))
        {
            if (rule.IsActive(at) && rule.Matches(alert, destination))
                return rule;
        }
        return null;
    }
}
