namespace Detector.Scoring.Rules;

/// <summary>
/// Advances one rule by one session step (semantics in the README next to this file).
/// </summary>
/// <remarks>
/// A streaming form of the exhaustive search: for each stage k (elements 0..k matched) the session
/// keeps one partial match, the best one to extend. Element k+1 only asks that its step come after
/// stage k's last step, within the gap limit if there is one; so under a gap limit the match ending
/// latest can wait longest and replaces the others, and without one every end is as good and the
/// earliest (the first evidence) stays. A step extends the best stage k-1 match into stage k if it
/// matches element k in time. Stages are updated from the last to the first, so one step is never
/// used for two elements. Whenever any choice of earlier steps completes the rule at this step, the
/// kept matches do too: the rule reports at the first step it can, with state bounded by its length.
/// </remarks>
internal static class RuleMatcher
{
    /// <summary>Called only when the rule has a partial match in flight or the step matches its first element.</summary>
    public static void Observe(PolicyRule rule, int index, int offset, int stageCount, RuleSessionState state, ulong facts, string tool, in StepFacts stepFacts, int step, RuleMatchBuffer matches)
    {
        int last = rule.Length - 1;
        if (last == 0)
        {
            Complete(state, index, rule, [new MatchedStep(step, stepFacts)], matches);
            return;
        }

        var stages = state.Stages(offset, last, stageCount);
        for (int k = last; k >= 0; k--)
        {
            if (!rule.Expected(k).Matches(facts, tool, step))
                continue;
            ref readonly var prefix = ref k == 0 ? ref PartialMatch.None : ref stages[k - 1];
            if (k > 0 && !InTime(prefix, rule.GapLimit(k), step))
                continue;
            if (k == last)
            {
                Complete(state, index, rule, prefix.StepsThen(step, stepFacts), matches);
                stages.Clear(); // done for the session: let the traces go
                return;
            }
            ref var stage = ref stages[k];
            if (stage.IsLive && rule.GapLimit(k + 1) == 0)
                continue;
            stage.Extend(prefix, step, stepFacts);
            if (k == last - 1 && rule.PartialPValue is not null && state.TryMarkPartial(index))
                matches.Add(new RuleMatch(rule, RuleStage.Partial, stage.Steps()));
        }
        state.SetLive(index, Expire(stages, rule, step));
    }

    private static bool InTime(in PartialMatch prefix, int gap, int step) => prefix.IsLive && (gap == 0 || step - prefix.Last <= gap);

    /// <summary>Ends the partial matches no later step can extend in time; returns whether any is left.</summary>
    private static bool Expire(Span<PartialMatch> stages, PolicyRule rule, int step)
    {
        bool live = false;
        for (int k = 0; k < stages.Length; k++)
        {
            ref var stage = ref stages[k];
            if (!stage.IsLive)
                continue;
            int gap = rule.GapLimit(k + 1);
            if (gap > 0 && step - stage.Last >= gap)
                stage.Progress = 0;
            else
                live = true;
        }
        return live;
    }

    private static void Complete(RuleSessionState state, int index, PolicyRule rule, MatchedStep[] steps, RuleMatchBuffer matches)
    {
        state.Complete(index);
        matches.Add(new RuleMatch(rule, RuleStage.Completed, steps));
    }
}
