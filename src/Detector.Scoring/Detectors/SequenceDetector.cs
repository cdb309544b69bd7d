using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Tool-chain sequences: a smoothed bigram model of the agent's transitions (its peer group's until
/// the agent matures), checked DeepLog-style (Du et al., CCS 2017) on each step, and a
/// length-normalised session likelihood. Works on the five required fields alone.
/// </summary>
/// <remarks>
/// Step p-value: the probability mass of every next tool at most as likely as the actual one is at
/// most (symbols ranked at or below it) x P(actual), counting all never-seen tools as one outcome;
/// that bound is a valid, conservative p-value and needs only the rank DeepLog already computes.
/// Session likelihood: the session's mean surprise (bits per step) against the distribution of
/// finished sessions' mean surprise (log-normal tail), since steps within a session are not independent.
/// </remarks>
public sealed class SequenceDetector : IDetector
{
    /// <summary>Steps with a probability above this are common: no rank computation needed.</summary>
    private const double CommonStep = 0.05;

    private const double ReportBelow = 0.05;

    private const int MinSessionSteps = 4;

    /// <summary>
    /// Sequence evidence is capped: an unusual order of familiar tools is common in benign work (a new
    /// workflow, a retry), so on its own it may raise a session to low severity, not beyond.
    /// </summary>
    private const double SmallestStep = 1e-4;

    private const double SmallestSession = 1e-3;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var (baseline, session) = Model(c);
        if (!IsScoredStep(c, baseline, session, out int symbol))
            return;
        double probability = baseline.Model.Probability(session, symbol);

        // A transition into a tool the role just took up is the rollout's new workflow, not the agent's drift.
        if (probability < CommonStep && !c.ToolRoleWide)
        {
            var prediction = baseline.Model.Predict(session, symbol);
            int outcomes = baseline.Symbols.Count + 1;
            double p = Math.Max(Math.Min(1, prediction.Probability * Math.Max(1, outcomes - prediction.Rank + 1)), SmallestStep);
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.RareTransition, p, c.Event.Tool, prediction.Rank, outcomes, baseline.Model.Total,
                    c.AgentMature ? FindingScope.Agent : FindingScope.PeerGroup));
        }

        int steps = c.Session.ScoredSteps + 1;
        if (steps >= MinSessionSteps)
        {
            double mean = (c.Session.Surprise - Math.Log2(probability)) / steps;
            if (mean > 2 * baseline.SessionSurprise.Typical + 1)
            {
                double p = Math.Max(baseline.SessionSurprise.PValueAbove(mean), SmallestSession);
                if (p < ReportBelow)
                    findings.Add(new Finding(EvidenceKind.SessionLikelihood, p, null, mean, baseline.SessionSurprise.Typical, steps,
                        c.AgentMature ? FindingScope.Agent : FindingScope.PeerGroup));
            }
        }
    }

    public void Learn(EventContext c)
    {
        var (baseline, session) = Model(c);
        if (IsScoredStep(c, baseline, session, out int symbol))
        {
            c.Session.Surprise += -Math.Log2(baseline.Model.Probability(session, symbol));
            c.Session.ScoredSteps++;
        }
        c.Session.PreviousStepUnseen = baseline.Symbols.Find(c.ToolKey) < 0;
        if (!c.LearnsBaselines)
            return;
        Learn(c.Agent.Sequence, ref c.Session.AgentSequence, c.ToolKey);
        Learn(c.Group.Sequence, ref c.Session.GroupSequence, c.ToolKey);
    }

    /// <summary>
    /// Whether the step is judged by the model: not a session's first, and neither into nor out of a tool the
    /// model has never seen (those steps are the novelty detector's evidence, not a second count of it).
    /// </summary>
    private static bool IsScoredStep(EventContext c, SequenceBaseline baseline, in NGramSession session, out int symbol)
    {
        symbol = SymbolFor(baseline, c.ToolKey);
        bool unseen = baseline.Symbols.Find(c.ToolKey) < 0;
        bool fromUnseen = c.Session.PreviousStepUnseen && !unseen;
        return !IsSessionStart(session) && baseline.Model.Total > 0 && !unseen && !fromUnseen;
    }

    private static void Learn(SequenceBaseline baseline, ref NGramSession session, ulong toolKey)
    {
        int symbol = baseline.Symbols.GetOrAdd(toolKey);
        double probability = baseline.Model.Probability(session, symbol);
        if (!IsSessionStart(session))
            baseline.ObserveSurprise(-Math.Log2(probability));
        baseline.Model.Learn(session, symbol);
        session.Append(symbol, probability);
    }

    private static (SequenceBaseline Baseline, NGramSession Session) Model(EventContext c) =>
        c.AgentMature ? (c.Agent.Sequence, c.Session.AgentSequence) : (c.Group.Sequence, c.Session.GroupSequence);

    /// <summary>A known tool's symbol; an unknown one gets the next unassigned symbol, which the model has never seen.</summary>
    private static int SymbolFor(SequenceBaseline baseline, ulong toolKey)
    {
        int symbol = baseline.Symbols.Find(toolKey);
        return symbol >= 0 ? symbol : Math.Min(baseline.Symbols.Count, baseline.Symbols.Other);
    }

    private static bool IsSessionStart(in NGramSession session) => session.Length == 0;
}
