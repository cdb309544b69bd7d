using Detector.Domain.Events;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// A session that has grown unlike the agent's finished sessions: far more steps or a faster
/// minute than usual (runaway loops), more failures than the agent's sessions usually have, or a burst
/// of sensitive reads longer than its sessions have (the gathering before an exfiltration, caught
/// before the transfer). Counts are the session's running totals including this event. Until the
/// agent has finished enough sessions of its own to trust their shape, its peer group's pooled
/// shape stands in, and the whole fleet's while its group has too few: a new agent's runaway loop
/// is as visible as an established one's.
/// </summary>
public sealed class SessionShapeDetector : IDetector
{
    private const double ReportBelow = 0.05;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var (shape, scope) = ShapeFor(c);
        var session = c.Session;
        var chain = session.Chain;

        // Only values past twice the usual can be surprising enough; skip the tail maths otherwise.
        int steps = session.Steps;
        if (steps > 2 * shape.Steps.Typical + 2 || chain.PeakPerMinute > 2 * shape.PeakPerMinute.Typical + 2)
        {
            double p = Math.Min(shape.Steps.PValueAbove(steps), shape.PeakPerMinute.PValueAbove(chain.PeakPerMinute));
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.SessionVolume, p, null, steps, shape.Steps.Typical, chain.PeakPerMinute, scope));
        }

        // Failures cluster (a retry storm is many failures of one call), so a session's failure count is
        // judged against other sessions' counts, and the binomial tail of independent failures only bounds it.
        if (chain.Errors >= 3 && chain.Errors > 2 * shape.Failures.Typical + 1 && shape.FailureRate.Observations >= 50)
        {
            double rate = shape.FailureRate.PNew;
            double p = Math.Max(Tails.UpperBinomial(chain.Errors, steps, rate), shape.Failures.PValueAbove(chain.Errors));
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.ErrorBurst, p, null, chain.Errors, Math.Max(rate * steps, shape.Failures.Typical), steps, scope));
        }

        // A burst is a run: sensitive reads in a row, as when data is gathered to be sent. A long session
        // reads more in total without reading more in a row, so totals would flag every long session.
        if (chain.SensitiveRun > 2 * shape.SensitiveRuns.Typical + 1)
        {
            double p = shape.SensitiveRuns.PValueAbove(chain.SensitiveRun);
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.SensitiveReadBurst, p, null, chain.SensitiveRun, shape.SensitiveRuns.Typical, shape.SensitiveRuns.Max, scope));
        }
    }

    public void Learn(EventContext c)
    {
        if (!c.LearnsBaselines)
            return;
        bool failed = c.Event.Outcome != Outcome.Success;
        c.Agent.Shape.FailureRate.Observe(failed);
        c.Group.Shape.FailureRate.Observe(failed);
        c.Fleet.Shape.FailureRate.Observe(failed);
    }

    /// <summary>The shape the session is judged by, and whose it is (the explanation names it).</summary>
    private static (SessionShape Shape, FindingScope Scope) ShapeFor(EventContext c) =>
        c.Agent.Shape.Steps.IsTrusted ? (c.Agent.Shape, FindingScope.Agent)
        : c.Group.Shape.Steps.IsTrusted ? (c.Group.Shape, FindingScope.PeerGroup)
        : (c.Fleet.Shape, FindingScope.Fleet);
}
