using Detector.Domain.Time;
using Detector.Simulation.Catalog;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Fleet;

/// <summary>When and how often an agent works: sessions per weekday, weekend share and an hourly curve (UTC).</summary>
internal sealed class ActivityProfile
{
    // Relative load per local hour of an office day: ramp-up at 7-9, lunch dip at 12, tail into the evening.
    private static readonly double[] OfficeDay =
    [
        0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.08, 0.35, 0.85, 1.0, 1.0, 0.95,
        0.65, 0.9, 1.0, 1.0, 0.85, 0.55, 0.3, 0.15, 0.1, 0.06, 0.04, 0.03,
    ];

    private readonly double[] _hourWeights;

    public ActivityProfile(ActivityStyle style, double sessionsPerWeekday, int utcShiftHours)
    {
        Style = style;
        SessionsPerWeekday = sessionsPerWeekday;
        _hourWeights = new double[24];
        for (int h = 0; h < 24; h++)
        {
            _hourWeights[h] = style switch
            {
                ActivityStyle.BusinessHours => OfficeDay[((h - utcShiftHours) % 24 + 24) % 24],
                ActivityStyle.AroundTheClock => 0.55 + 0.45 * OfficeDay[((h - utcShiftHours) % 24 + 24) % 24],
                _ => h is >= 0 and < 5 ? 1.0 : 0.1 * OfficeDay[h],
            };
        }
    }

    public ActivityStyle Style { get; }

    public double SessionsPerWeekday { get; }

    /// <summary>Expected sessions on a day of the given kind before role-wide volume changes.</summary>
    public double SessionsOn(DayOfWeek day) => day is DayOfWeek.Saturday or DayOfWeek.Sunday
        ? SessionsPerWeekday * (Style == ActivityStyle.BusinessHours ? 0.12 : 0.8)
        : SessionsPerWeekday;

    public EventTime SampleStart(EventTime dayStart, Rng rng)
    {
        int hour = rng.PickIndex(_hourWeights);
        long ms = rng.Below(3_600_000);
        return dayStart + TimeSpan.FromHours(hour) + TimeSpan.FromMilliseconds(ms);
    }
}
