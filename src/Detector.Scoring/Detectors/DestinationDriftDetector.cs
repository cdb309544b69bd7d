using Detector.Domain.Events;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Slow drift toward a new destination: transfers to a young destination (first used within the
/// last two weeks) that grow every time. Under no trend each order of n sizes is equally likely, so
/// n strictly increasing sizes have probability 1/n! (the exact Mann-Kendall null for a perfect
/// trend, Kendall 1938); the poisoner's doses are individually small and benign-looking, but their
/// growth is not.
/// </summary>
public sealed class DestinationDriftDetector : IDetector
{
    private const double ReportBelow = 0.05;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        if (e.Action != ToolAction.Transfer || c.DestinationKey == 0 || e.BytesOut is not long bytes)
            return;
        if (!c.Agent.Transfers.Young.TryGet(c.DestinationKey, e.Time, out var doses, out double ageDays))
            return;
        int increasing = 1;
        long previous = bytes;
        for (int i = doses.Length - 1; i >= 0 && doses[i] < previous; i--)
        {
            previous = doses[i];
            increasing++;
        }
        if (increasing < 3)
            return;
        c.GrowingDoses = true;
        double p = 1;
        for (int k = 2; k <= increasing; k++)
            p /= k;
        if (p < ReportBelow)
            findings.Add(new Finding(EvidenceKind.DestinationDrift, p, e.Destination, doses.Length + 1, 0, ageDays));
    }

    /// <summary>Nothing of its own: the young-destination table it reads is kept by <see cref="EscalationDetector"/>, which sees every transfer.</summary>
    public void Learn(EventContext c)
    {
    }
}
