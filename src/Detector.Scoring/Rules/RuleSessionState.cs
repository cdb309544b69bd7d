using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Detector.Scoring.Rules;

/// <summary>
/// One session's progress through the rules: which rules completed or reported their partial stage,
/// and up to <see cref="AttemptsPerRule"/> in-flight attempts per rule. Empty until a pattern starts,
/// so most sessions cost a few fields. Checkpointed with the session (<see cref="Write"/>/<see cref="Read"/>).
/// </summary>
/// <remarks>
/// The state is tied to the rule set it was built with by the set's fingerprint. A state restored
/// under a changed rule set starts over (in-flight chains are lost once, completed rules may be
/// reported again) rather than resuming attempts whose pattern may no longer mean the same thing.
/// </remarks>
public sealed partial class RuleSessionState
{
    /// <summary>In-flight attempts kept per rule: the earliest viable one and one later restart.</summary>
    internal const int AttemptsPerRule = 2;

    private ulong _fingerprint;
    private ulong _completed;
    private ulong _partial;
    private Attempt[]? _attempts;

    /// <summary>The last step observed (0 before the first).</summary>
    public int LastStep { get; private set; }

    /// <summary>Checks the step order and, under a rule set other than the one the state was built with, starts over.</summary>
    internal void Begin(RuleSet rules, int step)
    {
        if (step <= LastStep)
            ThrowStepOrder(step, LastStep);
        LastStep = step;
        if (_fingerprint == rules.Fingerprint && (_attempts is null || _attempts.Length == rules.Rules.Count * AttemptsPerRule))
            return;
        _fingerprint = rules.Fingerprint;
        _completed = 0;
        _partial = 0;
        _attempts = null;
    }

    internal bool IsCompleted(int rule) => (_completed & (1UL << rule)) != 0;

    /// <summary>Marks the rule completed and ends its attempts: a rule reports once per session.</summary>
    internal void Complete(int rule)
    {
        _completed |= 1UL << rule;
        if (_attempts is null)
            return;
        foreach (ref var a in Slots(rule))
            a.Progress = 0;
    }

    /// <summary>Marks the partial stage reported; false if it already was.</summary>
    internal bool TryMarkPartial(int rule)
    {
        ulong bit = 1UL << rule;
        if ((_partial & bit) != 0)
            return false;
        _partial |= bit;
        return true;
    }

    /// <summary>Whether the rule has an attempt in flight (live attempts fill the rule's slots from the first).</summary>
    internal bool HasAttempts(int rule) => _attempts is not null && _attempts[rule * AttemptsPerRule].IsLive;

    /// <summary>The rule's attempt slots, oldest first; allocated for all rules when the first pattern starts.</summary>
    internal Span<Attempt> Slots(int rule, int ruleCount)
    {
        _attempts ??= new Attempt[ruleCount * AttemptsPerRule];
        return Slots(rule);
    }

    private Span<Attempt> Slots(int rule) => _attempts.AsSpan(rule * AttemptsPerRule, AttemptsPerRule);

    [DoesNotReturn]
    private static void ThrowStepOrder(int step, int last) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, string.Create(CultureInfo.InvariantCulture, $"steps must increase: step {step} after step {last}"));
}
