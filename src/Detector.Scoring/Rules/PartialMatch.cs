namespace Detector.Scoring.Rules;

/// <summary>
/// A partial match of a rule: the session steps that matched its first <see cref="Progress"/>
/// elements. Storage is kept when the match ends, so a later one in the same place does not allocate.
/// </summary>
internal struct PartialMatch
{
    /// <summary>The empty match every rule starts from.</summary>
    public static readonly PartialMatch None;

    public int Progress;
    public MatchedStep[]? Trace;

    public readonly bool IsLive => Progress > 0;

    /// <summary>The step that matched the latest element.</summary>
    public readonly int Last => Trace![Progress - 1].Step;

    /// <summary>Becomes <paramref name="prefix"/> followed by this step.</summary>
    public void Extend(in PartialMatch prefix, int step, in StepFacts facts)
    {
        int n = prefix.Progress + 1;
        if (Trace is null || Trace.Length < n)
            Trace = new MatchedStep[n];
        prefix.Trace.AsSpan(0, prefix.Progress).CopyTo(Trace);
        Trace[n - 1] = new MatchedStep(step, facts);
        Progress = n;
    }

    /// <summary>A copy of the matched steps, for a report.</summary>
    public readonly MatchedStep[] Steps() => Trace.AsSpan(0, Progress).ToArray();

    /// <summary>A copy of the matched steps followed by one more, for a report.</summary>
    public readonly MatchedStep[] StepsThen(int step, in StepFacts facts)
    {
        var steps = new MatchedStep[Progress + 1];
        Trace.AsSpan(0, Progress).CopyTo(steps);
        steps[Progress] = new MatchedStep(step, facts);
        return steps;
    }
}
