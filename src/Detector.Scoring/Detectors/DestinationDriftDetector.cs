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
    private const double Significant = 0.05;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        if (e.Action != ToolAction.Transfer || c.DestinationKey == 0 || e.BytesOut is not long bytes)
            return;
        if (!c.Agent.Transfers.Young.TryGet(c.DestinationKey, e.Time, out var young))
            return;
        int increasing = bytes > young.LastBytes ? young.GrowingRun + 1 : 1;
        // A destination sent to many times offers a growing run many places to start (Bonferroni over them).
        double p = young.Transfers + 2 - increasing;
        for (int k = 2; k <= increasing; k++)
            p /= k;
        if (p >= Significant)
            return;
        // Only a trend that chance rarely produces counts as growing: three increasing sizes in a row
        // happen by chance to one in six destinations an agent sends to a few times.
        c.GrowingDoses = true;
        findings.Add(new Finding(EvidenceKind.DestinationDrift, p, e.Destination, young.Transfers + 1, 0, young.AgeDays));
    }

    /// <summary>Nothing of its own: the young-destination table it reads is kept by <see cref="EscalationDetector"/>, which sees every transfer.</summary>
    public void Learn(EventContext c)
    {
    }
}
