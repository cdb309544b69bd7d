using Detector.Domain.Events;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Distribution drift: the mix of tools and of actions in the agent's current window (up to a day of
/// event time) against its long-run mix, by Jensen-Shannon divergence with its chi-square null
/// calibration (see <see cref="JensenShannon.PValue"/>), tested at doubling window sizes so a sustained
/// drift is seen while it happens. A drift carried by a tool the agent's whole role has just taken up
/// is a role-wide change: information, not evidence against this agent.
/// </summary>
public sealed class MixDriftDetector : IDetector
{
    private const double ReportBelow = 1e-3;

    /// <summary>Long-run memory of the reference mix, in events.</summary>
    private const double ReferenceMemory = 2000;

    /// <summary>Reference events before the mix is trusted.</summary>
    private const double MinReference = 200;

    private readonly double[] _window = new double[AgentProfile.SequenceAlphabet];
    private readonly double[] _reference = new double[AgentProfile.SequenceAlphabet];
    private readonly double[] _actions = new double[MixWindow.Actions];
    private readonly double[] _actionReference = new double[MixWindow.Actions];

    public void Score(EventContext c, FindingBuffer findings)
    {
        var mix = c.Agent.Mix;
        if (!IsTestDue(c, mix))
            return;
        double pTools = ToolDrift(c, mix, out double jsdTools);
        double pActions = ActionDrift(c.Agent, mix, out double jsdActions);
        double p = Math.Min(pTools, pActions);
        if (p < ReportBelow)
        {
            bool tools = pTools <= pActions;
            findings.Add(new Finding(EvidenceKind.MixDrift, Math.Max(p, 1e-12), tools ? "tools" : "actions",
                tools ? jsdTools : jsdActions, 0, mix.Events + 1));
        }
    }

    public void Learn(EventContext c)
    {
        var mix = c.Agent.Mix;
        int day = Ticks.Day(c.Event.Time);
        if (day != mix.Day)
            mix.Reset(day);
        int symbol = c.Agent.Sequence.Symbols.Find(c.ToolKey);
        if (symbol < 0)
            symbol = c.Agent.Sequence.Symbols.Other;
        mix.ToolWindow[symbol]++;
        if (c.Event.Action != ToolAction.Unknown)
            mix.ActionWindow[(int)c.Event.Action - 1]++;
        mix.Events++;
        if (mix.Events >= mix.NextTest && c.AgentMature)
            mix.NextTest *= 2;
        if (!c.LearnsBaselines)
            return;
        const double decay = 1 - 1 / ReferenceMemory;
        var reference = mix.ToolReference;
        for (int i = 0; i < reference.Length; i++)
            reference[i] *= decay;
        reference[symbol] += 1;
    }

    /// <summary>Tests come at doubling window sizes (a fresh day's window is too small to test).</summary>
    private static bool IsTestDue(EventContext c, MixWindow mix) =>
        c.AgentMature && Ticks.Day(c.Event.Time) == mix.Day && mix.Events + 1 >= mix.NextTest;

    private double ToolDrift(EventContext c, MixWindow mix, out double jsd)
    {
        jsd = 0;
        double referenceTotal = 0;
        for (int i = 0; i < _window.Length; i++)
        {
            _window[i] = mix.ToolWindow[i];
            _reference[i] = mix.ToolReference[i];
            referenceTotal += _reference[i];
        }
        _window[SymbolFor(c)] += 1;
        if (referenceTotal < MinReference)
            return 1;
        // The tool that gained most: if the role as a whole has just taken it up, the drift is the role's.
        int gainer = Gainer(_window, _reference, mix.Events + 1, referenceTotal);
        ulong key = c.Agent.Sequence.Symbols.KeyOf(gainer);
        if (key != 0 && c.IsRoleWide(NoveltyCategory.Tool, key))
            return 1;
        jsd = JensenShannon.Divergence(_window, _reference);
        return JensenShannon.PValue(jsd, mix.Events + 1, referenceTotal, Categories(_window, _reference));
    }

    private double ActionDrift(AgentProfile agent, MixWindow mix, out double jsd)
    {
        jsd = 0;
        double referenceTotal = 0;
        for (int i = 0; i < _actions.Length; i++)
        {
            _actions[i] = mix.ActionWindow[i];
            _actionReference[i] = agent.Novelty.ActionCount((ToolAction)(i + 1));
            referenceTotal += _actionReference[i];
        }
        if (referenceTotal < MinReference || mix.ActionWindow.Sum() < 20)
            return 1;
        jsd = JensenShannon.Divergence(_actions, _actionReference);
        return JensenShannon.PValue(jsd, mix.ActionWindow.Sum(), referenceTotal, Categories(_actions, _actionReference));
    }

    private static int SymbolFor(EventContext c)
    {
        int symbol = c.Agent.Sequence.Symbols.Find(c.ToolKey);
        return symbol >= 0 ? symbol : c.Agent.Sequence.Symbols.Other;
    }

    private static int Gainer(double[] window, double[] reference, double windowTotal, double referenceTotal)
    {
        int best = 0;
        double gain = double.MinValue;
        for (int i = 0; i < window.Length; i++)
        {
            double g = window[i] / windowTotal - reference[i] / referenceTotal;
            if (g > gain)
            {
                gain = g;
                best = i;
            }
        }
        return best;
    }

    private static int Categories(double[] a, double[] b)
    {
        int n = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > 0 || b[i] > 0)
                n++;
        }
        return n;
    }
}
