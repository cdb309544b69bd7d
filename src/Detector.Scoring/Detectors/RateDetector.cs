using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Rate and volume in event time, aware of the daily cycle. While an hour is open its running
/// count is tested against the agent's expected count for that hour of the day (Poisson tail), at
/// doubling counts so the cost is logarithmic per hour. When an hour closes, its count feeds the
/// seasonal baseline, a self-starting CUSUM for level shifts (Page 1954) and spectral residual
/// saliency over the last 59 hours (Ren et al., KDD 2019). One instance per shard: the spectral
/// residual holds FFT buffers.
/// </summary>
public sealed class RateDetector : IDetector
{
    private const double ReportBelow = 0.001;

    /// <summary>The strongest p-value given to evidence about the agent's hour rather than the session's own steps.</summary>
    private const double AgentLevelFloor = 1e-3;

    /// <summary>Gaps longer than this reset the hourly window instead of filling it with zeros.</summary>
    private const int MaxGapHours = 48;

    private readonly SpectralResidual _saliency = new();
    private readonly SelfStartingCusum _cusum = new(minimumScale: 1, allowance: 0.5, threshold: 8);
    private readonly double[] _window = new double[RateBaseline.WindowHours];

    public void Score(EventContext c, FindingBuffer findings)
    {
        var rate = c.Agent.Rate;
        long hour = c.Event.Time.UnixHour;
        if (hour > rate.Hour)
            CloseHours(rate, hour, findings);
        else if (hour < rate.Hour)
            return; // a late event of an hour already closed: counted nowhere rather than in the wrong hour

        rate.Count++;
        if (rate.Count < rate.NextCheck)
            return;
        rate.NextCheck = rate.Count * 2;
        var score = rate.Seasonal.Score(RateBaseline.StartOf(hour), rate.Count);
        // Both the hour-of-day expectation and the agent's own spread of busy hours must find it extreme:
        // a Poisson alone calls every batch job a catastrophe.
        double p = Math.Max(score.PValue, rate.ActiveHours.PValueAbove(rate.Count));
        if (p < ReportBelow)
            findings.Add(new Finding(EvidenceKind.RateSpike, p, null, rate.Count, score.Expected, hour % 24));
    }

    /// <summary>Everything happens in <see cref="Score"/>: the hourly series is state of the agent, not of a session.</summary>
    public void Learn(EventContext c)
    {
    }

    private void CloseHours(RateBaseline rate, long hour, FindingBuffer findings)
    {
        if (rate.Hour != long.MinValue)
        {
            long gap = hour - rate.Hour;
            if (gap > MaxGapHours)
                rate.Hourly = new SlidingWindow(RateBaseline.WindowHours);
            for (long h = rate.Hour; h < hour && h - rate.Hour < MaxGapHours; h++)
                Close(rate, h, h == rate.Hour ? rate.Count : 0, findings);
        }
        rate.Hour = hour;
        rate.Count = 0;
        rate.NextCheck = Math.Max(4, (int)(2 * rate.Seasonal.Score(RateBaseline.StartOf(hour), 0).Expected) + 1);
    }

    private void Close(RateBaseline rate, long hour, int count, FindingBuffer findings)
    {
        rate.Seasonal.Observe(RateBaseline.StartOf(hour), count);
        rate.Hourly.Push(count);
        if (count > 0)
            rate.ActiveHours.Observe(count);
        var shift = _cusum.Update(ref rate.Cusum, count);
        if (shift.Alarm == ChangeDirection.Up)
        {
            // A CUSUM statistic of h has a false-alarm chance of roughly e^(-h/2) per step in control;
            // agent-level evidence lands on whichever session is active, so it is capped as weak.
            double p = Math.Max(Math.Exp(-shift.Statistic / 2), AgentLevelFloor);
            findings.Add(new Finding(EvidenceKind.RateShift, p, null, count, rate.Seasonal.Score(RateBaseline.StartOf(hour), count).Expected, hour % 24));
        }
        if (!rate.Hourly.IsFull || count == 0)
            return;
        rate.Hourly.CopyTo(_window);
        double saliency = _saliency.Score(_window);
        if (saliency > 3)
            findings.Add(new Finding(EvidenceKind.RateSpike, Math.Max(Tails.UpperNormal(saliency), AgentLevelFloor), "spectral residual", count, saliency, hour % 24));
    }
}
