using Detector.Domain.Outputs;

namespace Detector.Scoring.Rules;

/// <summary>
/// A declarative rule for a known-bad chain: an ordered pattern of steps within one session. When it
/// completes, the session's severity is at least <see cref="Severity"/> and <see cref="PValue"/> joins the
/// learned evidence; when all but its last step have matched, <see cref="PartialPValue"/> (if set) does.
/// </summary>
public sealed class PolicyRule
{
    /// <summary>Most session steps a pattern may need (repetitions counted), which bounds per-session state.</summary>
    public const int MaxLength = 16;

    private readonly RuleStep[] _steps;

    // Indexed by progress (pattern elements matched so far, repetitions unrolled): the step expected
    // next and the largest gap allowed before it (0 = unbounded). Precomputed so matching only indexes.
    private readonly RuleStep[] _expected;
    private readonly int[] _gapLimit;

    internal PolicyRule(string id, string description, Severity severity, double pValue, double? partialPValue, RuleStep[] steps)
    {
        Id = id;
        Description = description;
        Severity = severity;
        PValue = pValue;
        PartialPValue = partialPValue;
        _steps = steps;
        int length = 0;
        foreach (var s in steps)
            length += s.Repeat;
        _expected = new RuleStep[length];
        _gapLimit = new int[length];
        int p = 0;
        foreach (var s in steps)
        {
            for (int k = 0; k < s.Repeat; k++, p++)
            {
                _expected[p] = s;
                _gapLimit[p] = p == 0 ? 0 : k > 0 && s.Consecutive ? 1 : s.Within;
            }
        }
    }

    /// <summary>Snake-case name; the alert kind analysts see.</summary>
    public string Id { get; }

    /// <summary>One sentence for analysts.</summary>
    public string Description { get; }

    /// <summary>The severity floor of a session that completes the rule.</summary>
    public Severity Severity { get; }

    /// <summary>Evidence strength of a completed match, fused with the learned scores.</summary>
    public double PValue { get; }

    /// <summary>Evidence strength once all but the last step have matched; null to report nothing early.</summary>
    public double? PartialPValue { get; }

    /// <summary>Session steps that complete the pattern (repetitions counted).</summary>
    public int Length => _expected.Length;

    internal IReadOnlyList<RuleStep> Steps => _steps;

    internal RuleStep Expected(int progress) => _expected[progress];

    internal int GapLimit(int progress) => _gapLimit[progress];

    public override string ToString() => Id;
}
