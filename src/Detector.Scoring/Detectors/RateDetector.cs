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
/// <remarks>
/// Scoring reads the hour as learning will close it (on copies), so scoring an event twice gives the
/// same findings. An hour in which a flagged session worked does not teach the seasonal baseline, the
/// spread of busy hours or the CUSUM's level: a hijacked agent cannot raise its own normal rate.
/// </remarks>
public sealed class RateDetector : IDetector
{
    private const double ReportBelow = 0.001;

    /// <summary>The strongest p-value given to evidence about the agent's hour rather than the session's own steps.</summary>
    private const double AgentLevelFloor = 1e-3;

    /// <summary>Gaps longer than this reset the hourly window instead of filling it with zeros.</summary>
    private const int MaxGapHours = 48;

    /// <summary>Saliency (robust z of the spectral residual) from which an hour stands out.</summary>
    private const double SalientAbove = 3;

    private readonly SpectralResidual _saliency = new();
    private readonly SelfStartingCusum _cusum = new(minimumScale: 1, allowance: 0.5, threshold: 8);
    private readonly double[] _window = new double[RateBaseline.WindowHours];

    public void Score(EventContext c, FindingBuffer findings)
    {
        var rate = c.Agent.Rate;
        long hour = c.Event.Time.UnixHour;
        if (hour < rate.Hour)
            return; // a late event of an hour already closed: counted nowhere rather than in the wrong hour
        bool newHour = hour > rate.Hour;
        if (newHour && rate.Hour != long.MinValue)
            ScoreClosingHour(rate, hour - rate.Hour, findings);

        int count = newHour ? 1 : rate.Count + 1;
        if (count < (newHour ? FirstCheck(rate, hour) : rate.NextCheck))
            return;
        var score = rate.Seasonal.Score(RateBaseline.StartOf(hour), count);
        // Both the hour-of-day expectation and the agent's own spread of busy hours must find it extreme:
        // a Poisson alone calls every batch job a catastrophe.
        double p = Math.Max(score.PValue, rate.ActiveHours.PValueAbove(count));
        if (p < ReportBelow)
            findings.Add(new Finding(EvidenceKind.RateSpike, p, null, count, score.Expected, hour % 24));
    }

    public void Learn(EventContext c)
    {
        var rate = c.Agent.Rate;
        long hour = c.Event.Time.UnixHour;
        if (hour < rate.Hour)
            return;
        if (hour > rate.Hour)
            CloseHours(rate, hour);
        rate.Count++;
        rate.Contaminated |= !c.LearnsBaselines;
        if (rate.Count >= rate.NextCheck)
            rate.NextCheck = rate.Count * 2;
    }

    /// <summary>The open hour's level-shift and saliency evidence, as closing it will find: on copies of its state.</summary>
    private void ScoreClosingHour(RateBaseline rate, long gap, FindingBuffer findings)
    {
        long hour = rate.Hour;
        int count = rate.Count;
        var cusum = rate.Cusum;
        var shift = rate.Contaminated ? default : _cusum.Update(ref cusum, count);
        if (shift.Alarm == ChangeDirection.Up)
        {
            // A CUSUM statistic of h has a false-alarm chance of roughly e^(-h/2) per step in control;
            // agent-level evidence lands on whichever session is active, so it is capped as weak.
            double p = Math.Max(Math.Exp(-shift.Statistic / 2), AgentLevelFloor);
            findings.Add(new Finding(EvidenceKind.RateShift, p, null, count, Expected(rate, hour, count), hour % 24));
        }
        // Only upward saliency is evidence: a quiet hour is not an incident.
        if (gap > MaxGapHours || rate.Hourly.Count < RateBaseline.WindowHours - 1 || count <= Expected(rate, hour, count))
            return;
        int held = rate.Hourly.CopyTo(_window);
        if (held == RateBaseline.WindowHours)
            _window.AsSpan(1).CopyTo(_window);
        _window[^1] = count;
        double saliency = _saliency.Score(_window);
        if (saliency > SalientAbove)
            findings.Add(new Finding(EvidenceKind.RateSpike, Math.Max(Tails.UpperNormal(saliency), AgentLevelFloor), "spectral residual", count, Expected(rate, hour, count), hour % 24));
    }

    /// <summary>Closes the open hour and any empty hours up to <paramref name="hour"/>, and opens that one.</summary>
    private void CloseHours(RateBaseline rate, long hour)
    {
        if (rate.Hour != long.MinValue)
        {
            if (hour - rate.Hour > MaxGapHours)
                rate.Hourly = new SlidingWindow(RateBaseline.WindowHours);
            for (long h = rate.Hour; h < hour && h - rate.Hour < MaxGapHours; h++)
            {
                bool open = h == rate.Hour;
                Close(rate, h, open ? rate.Count : 0, learns: !(open && rate.Contaminated));
            }
        }
        rate.Hour = hour;
        rate.Count = 0;
        rate.Contaminated = false;
        rate.NextCheck = FirstCheck(rate, hour);
    }

    private void Close(RateBaseline rate, long hour, int count, bool learns)
    {
        rate.Hourly.Push(count);
        if (!learns)
            return;
        rate.Seasonal.Observe(RateBaseline.StartOf(hour), count);
        if (count > 0)
            rate.ActiveHours.Observe(count);
        _cusum.Update(ref rate.Cusum, count);
    }

    private static int FirstCheck(RateBaseline rate, long hour) =>
        Math.Max(4, (int)(2 * Expected(rate, hour, 0)) + 1);

    private static double Expected(RateBaseline rate, long hour, int count) =>
        rate.Seasonal.Score(RateBaseline.StartOf(hour), count).Expected;
}
