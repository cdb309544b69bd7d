using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// An agent's events per hour for the last <c>hours</c> hours (a ring of counts) and, per hour of day,
/// an exponentially weighted mean and variance of the closed hours' counts (Finch, "Incremental
/// calculation of weighted mean and variance", 2009). The band is mean ± 2 standard deviations: agents
/// keep office hours, so 3 a.m. is compared with earlier 3 a.m.s, not with the daily average.
/// </summary>
internal sealed class HourlyRate(int hours)
{
    /// <summary>Weight of the newest day: about the last four days dominate, so the band follows a changed routine within a week.</summary>
    private const double Alpha = 0.25;

    private readonly int[] _counts = new int[hours];
    private readonly double[] _mean = new double[24];
    private readonly double[] _variance = new double[24];
    private readonly int[] _days = new int[24];
    private long _current = -1;

    public void Add(EventTime time)
    {
        long hour = time.UnixHour;
        if (_current < 0)
            _current = hour;
        else if (hour > _current)
            Advance(hour);
        else if (_current - hour >= _counts.Length)
            return;
        _counts[Slot(hour)]++;
    }

    /// <summary>The chart: one point per hour, oldest first, ending at the newest hour seen.</summary>
    public IReadOnlyList<RatePoint> Points()
    {
        if (_current < 0)
            return [];
        var points = new RatePoint[_counts.Length];
        for (int i = 0; i < points.Length; i++)
        {
            long hour = _current - (points.Length - 1 - i);
            int hourOfDay = HourOfDay(hour);
            double? expected = null, low = null, high = null;
            if (_days[hourOfDay] >= 2)
            {
                double sd = Math.Sqrt(_variance[hourOfDay]);
                expected = _mean[hourOfDay];
                low = Math.Max(0, _mean[hourOfDay] - 2 * sd);
                high = _mean[hourOfDay] + 2 * sd;
            }
            points[i] = new RatePoint(new EventTime(DateTime.UnixEpoch.Ticks + hour * TimeSpan.TicksPerHour), _counts[Slot(hour)], expected, low, high);
        }
        return points;
    }

    /// <summary>
    /// Closes the current hour into the seasonal statistics, then the idle hours up to
    /// <paramref name="hour"/> as zeros: at most a ring's worth, since older idle hours no longer show
    /// on the chart and a week of zeros already dominates the weighted statistics.
    /// </summary>
    private void Advance(long hour)
    {
        Learn(HourOfDay(_current), _counts[Slot(_current)]);
        for (long h = Math.Max(_current + 1, hour - _counts.Length + 1); h < hour; h++)
        {
            _counts[Slot(h)] = 0;
            Learn(HourOfDay(h), 0);
        }
        _counts[Slot(hour)] = 0;
        _current = hour;
    }

    private void Learn(int hourOfDay, int count)
    {
        if (_days[hourOfDay]++ == 0)
        {
            _mean[hourOfDay] = count;
            return;
        }
        double delta = count - _mean[hourOfDay];
        _mean[hourOfDay] += Alpha * delta;
        _variance[hourOfDay] = (1 - Alpha) * (_variance[hourOfDay] + Alpha * delta * delta);
    }

    private int Slot(long hour) => (int)(hour % _counts.Length);

    private static int HourOfDay(long unixHour) => (int)(unixHour % 24);
}
