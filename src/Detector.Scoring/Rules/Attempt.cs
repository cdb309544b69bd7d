namespace Detector.Scoring.Rules;

/// <summary>
/// One in-flight match of a rule: how many pattern elements have matched and the steps that did. The
/// trace array is kept when the attempt ends, so restarting in the same slot does not allocate.
/// </summary>
internal struct Attempt
{
    public int Progress;
    public MatchedStep[]? Trace;

    public readonly bool IsLive => Progress > 0;

    public readonly int Last => Trace![Progress - 1].Step;

    /// <summary>The latest step the next element may match at (int.MaxValue if unbounded).</summary>
    public readonly int Deadline(PolicyRule rule)
    {
        int gap = rule.GapLimit(Progress);
        return gap == 0 ? int.MaxValue : Last + gap;
    }

    /// <summary>
    /// Whether this attempt completes at least as soon as <paramref name="other"/> on any future
    /// steps: it is as far along and may wait as long.
    /// </summary>
    public readonly bool Dominates(in Attempt other, PolicyRule rule) =>
        Progress >= other.Progress && Deadline(rule) >= other.Deadline(rule);

    public void Append(int step, in StepFacts facts, int capacity)
    {
        if (Trace is null || Trace.Length < capacity)
            Array.Resize(ref Trace, capacity);
        Trace[Progress++] = new MatchedStep(step, facts);
    }

    public readonly MatchedStep[] Steps() => Trace.AsSpan(0, Progress).ToArray();
}
