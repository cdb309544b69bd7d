namespace Detector.Scoring.Statistics;

/// <summary>How a <see cref="SeasonalRateBaseline"/> splits the week into buckets. Persisted: never renumber.</summary>
public enum SeasonalLayout : byte
{
    /// <summary>168 buckets, one per hour of the week: most faithful, slowest to learn (one sample per bucket a week).</summary>
    HourOfWeek = 1,

    /// <summary>48 buckets, hour of day for weekdays and for weekends: learns five times faster on weekdays, a third of the memory.</summary>
    HourOfDayByDayType = 2,
}
