namespace Detector.Scoring.Rules;

/// <summary>
/// Advances one rule's attempts by one session step. See the README next to this file for the
/// semantics; in short:
/// 1. Every live attempt (oldest first) is dropped if the step lies beyond its deadline (the expected
///    element's gap limit after its last match), else takes the step if the step matches the element it
///    expects: greedy, the first matching step is always taken.
/// 2. An attempt that takes its last element completes the rule: reported once, all attempts end.
///    One that reaches all-but-last reports the partial stage (once per session).
/// 3. A step matching the first element may also start a new attempt, kept only if no live attempt
///    dominates it (as far along, may wait as long); live attempts it dominates make room for it.
///    Ties keep the earlier attempt, so the earliest viable partial match survives.
/// Two slots suffice for the patterns rules use: an attempt is only ever displaced by one that can
/// complete whenever it could, so at most one "fresher but less advanced" restart is worth keeping.
/// </summary>
internal static class RuleMatcher
{
    public static void Observe(PolicyRule rule, int index, int ruleCount, RuleSessionState state, ulong facts, in StepFacts stepFacts, int step, RuleMatchBuffer matches)
    {
        string tool = stepFacts.Tool ?? "";
        bool starts = rule.Expected(0).Matches(facts, tool, step);
        if (rule.Length == 1)
        {
            if (starts)
                Complete(rule, index, state, [new MatchedStep(step, stepFacts)], matches);
            return;
        }
        if (!starts && !state.HasAttempts(index))
            return;

        var slots = state.Slots(index, ruleCount);
        for (int i = 0; i < slots.Length; i++)
        {
            ref var a = ref slots[i];
            if (!a.IsLive)
                continue;
            if (step > a.Deadline(rule))
            {
                a.Progress = 0;
                continue;
            }
            if (!rule.Expected(a.Progress).Matches(facts, tool, step))
                continue;
            a.Append(step, stepFacts, rule.Length);
            if (a.Progress == rule.Length)
            {
                Complete(rule, index, state, a.Steps(), matches);
                return;
            }
            if (a.Progress == rule.Length - 1)
                ReportPartial(rule, index, state, a, matches);
        }

        DropDominated(slots, rule);
        KeepOldestFirst(slots);
        if (starts)
            Start(rule, index, state, slots, stepFacts, step, matches);
    }

    /// <summary>Starts an attempt at this step unless a live one dominates it, in place of a live one it dominates, else in a free slot.</summary>
    private static void Start(PolicyRule rule, int index, RuleSessionState state, Span<Attempt> slots, in StepFacts stepFacts, int step, RuleMatchBuffer matches)
    {
        int gap = rule.GapLimit(1);
        int deadline = gap == 0 ? int.MaxValue : step + gap;
        int free = -1, dominated = -1;
        for (int i = 0; i < slots.Length; i++)
        {
            ref readonly var a = ref slots[i];
            if (!a.IsLive)
            {
                free = free < 0 ? i : free;
                continue;
            }
            if (a.Deadline(rule) >= deadline)
                return;
            // As far along as the new attempt and due sooner: the new one dominates it.
            if (a.Progress == 1)
                dominated = i;
        }
        int target = dominated >= 0 ? dominated : free;
        if (target < 0)
            return;
        if (target == 0 && slots[1].IsLive)
        {
            // The new attempt is the youngest: it goes last.
            (slots[0], slots[1]) = (slots[1], slots[0]);
            target = 1;
        }
        ref var slot = ref slots[target];
        slot.Progress = 0;
        slot.Append(step, stepFacts, rule.Length);
        if (rule.Length == 2)
            ReportPartial(rule, index, state, slot, matches);
    }

    /// <summary>Ends an attempt another one dominates; of two equal attempts the older stays.</summary>
    private static void DropDominated(Span<Attempt> slots, PolicyRule rule)
    {
        ref var older = ref slots[0];
        ref var younger = ref slots[1];
        if (!older.IsLive || !younger.IsLive)
            return;
        if (older.Dominates(younger, rule))
            younger.Progress = 0;
        else if (younger.Dominates(older, rule))
            older.Progress = 0;
    }

    private static void KeepOldestFirst(Span<Attempt> slots)
    {
        if (!slots[0].IsLive && slots[1].IsLive)
            (slots[0], slots[1]) = (slots[1], slots[0]);
    }

    private static void ReportPartial(PolicyRule rule, int index, RuleSessionState state, in Attempt attempt, RuleMatchBuffer matches)
    {
        if (rule.PartialPValue is not null && state.TryMarkPartial(index))
            matches.Add(new RuleMatch(rule, RuleStage.Partial, attempt.Steps()));
    }

    private static void Complete(PolicyRule rule, int index, RuleSessionState state, MatchedStep[] steps, RuleMatchBuffer matches)
    {
        state.Complete(index);
        matches.Add(new RuleMatch(rule, RuleStage.Completed, steps));
    }
}
