using System.Runtime.CompilerServices;

namespace Detector.Scoring.Rules;

/// <summary>
/// One compiled step of a rule's pattern: its conditions as a mask of forbidden fact bits plus an
/// optional tool pattern, and its repetition and spacing constraints. Zero means "unset" for
/// <see cref="Within"/>.
/// </summary>
internal sealed class RuleStep(ulong forbidden, ToolPattern? tool, int repeat, bool consecutive, int within, int notBefore)
{
    public ulong Forbidden { get; } = forbidden;

    public ToolPattern? Tool { get; } = tool;

    /// <summary>How many session steps must match this step (at least 1).</summary>
    public int Repeat { get; } = repeat;

    /// <summary>Each repetition after the first must be the very next session step.</summary>
    public bool Consecutive { get; } = consecutive;

    /// <summary>Most session steps from the pattern's previous match to this step's (each repetition's) match; 0 if unbounded.</summary>
    public int Within { get; } = within;

    /// <summary>Session steps that must precede a match: a match at step s needs s &gt; NotBefore.</summary>
    public int NotBefore { get; } = notBefore;

    public bool Constrains(FactField field) => (Forbidden & FactBits.Group(field)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(ulong facts, string tool, int step) =>
        (facts & Forbidden) == 0 && step > NotBefore && (Tool is null || Tool.Matches(tool));
}
