using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Detector.Scoring.Rules;

/// <summary>
/// One session's progress through the rules: which rules completed or reported their partial stage,
/// and per rule one partial match for each stage short of completion (see <see cref="RuleMatcher"/>).
/// Nothing is allocated until a pattern starts, so most sessions cost a few fields. Checkpointed with
/// the session (<see cref="Write"/>/<see cref="Read"/>).
/// </summary>
/// <remarks>
/// The state is tied to the rule set it was built with by the set's fingerprint. A state restored
/// under a changed rule set starts over (in-flight chains are lost once, completed rules may be
/// reported again) rather than resume partial matches whose pattern may no longer mean the same.
/// </remarks>
public sealed partial class RuleSessionState
{
    private ulong _fingerprint;
    private ulong _completed;
    private ulong _partial;
    private ulong _live;
    private PartialMatch[]? _stages;

    /// <summary>Read from a checkpoint and not yet checked against the rule set in use.</summary>
    private bool _restored;

    /// <summary>The last step observed (0 before the first).</summary>
    public int LastStep { get; private set; }

    /// <summary>Checks the step order and, under a rule set other than the one the state was built with, starts over.</summary>
    internal void Begin(RuleSet rules, int step)
    {
        if (step <= LastStep)
            ThrowStepOrder(step, LastStep);
        LastStep = step;
        if (_fingerprint == rules.Fingerprint && !_restored)
            return;
        if (_fingerprint != rules.Fingerprint || !Adopt(rules))
        {
            _fingerprint = rules.Fingerprint;
            _completed = 0;
            _partial = 0;
            _live = 0;
            _stages = null;
        }
        _restored = false;
    }

    internal bool IsCompleted(int rule) => (_completed & (1UL << rule)) != 0;

    /// <summary>Marks the rule completed: a rule reports once per session.</summary>
    internal void Complete(int rule)
    {
        _completed |= 1UL << rule;
        _live &= ~(1UL << rule);
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

    /// <summary>Whether the rule has a partial match in flight.</summary>
    internal bool HasLive(int rule) => (_live & (1UL << rule)) != 0;

    internal void SetLive(int rule, bool live) => _live = live ? _live | (1UL << rule) : _live & ~(1UL << rule);

    /// <summary>A rule's partial matches by stage; storage for all rules is allocated when the first pattern starts.</summary>
    internal Span<PartialMatch> Stages(int offset, int count, int stageCount)
    {
        _stages ??= new PartialMatch[stageCount];
        return _stages.AsSpan(offset, count);
    }

    /// <summary>Checks restored partial matches fit the rule set's stages and notes which rules have one.</summary>
    private bool Adopt(RuleSet rules)
    {
        if (_stages is null)
            return true;
        if (_stages.Length != rules.StageCount)
            return false;
        for (int r = 0; r < rules.Rules.Count; r++)
        {
            var stages = _stages.AsSpan(rules.StageOffset(r), rules.Rules[r].Length - 1);
            bool live = false;
            for (int k = 0; k < stages.Length; k++)
            {
                if (stages[k].IsLive && stages[k].Progress != k + 1)
                    return false;
                live |= stages[k].IsLive;
            }
            SetLive(r, live);
        }
        return true;
    }

    [DoesNotReturn]
    private static void ThrowStepOrder(int step, int last) =>
        throw new ArgumentOutOfRangeException(nameof(step), step, string.Create(CultureInfo.InvariantCulture, $"steps must increase: step {step} after step {last}"));
}
