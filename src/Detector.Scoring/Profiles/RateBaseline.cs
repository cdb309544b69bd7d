using Detector.Domain.Time;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// An agent's hourly activity in event time: expected events per hour of day (weekdays and weekends
/// apart), the last 59 hourly counts for spectral residual saliency, and a CUSUM over hourly counts
/// for level shifts. About 1 KB per agent.
/// </summary>
public sealed class RateBaseline
{
    public const int WindowHours = 59;

    public SeasonalRateBaseline Seasonal { get; private set; } = new(SeasonalLayout.HourOfDayByDayType);

    public SlidingWindow Hourly { get; set; } = new(WindowHours);

    public CusumState Cusum;

    /// <summary>The agent's active hours' counts on the log scale: heavy-tailed, unlike a Poisson, as bursty agents are.</summary>
    public LogStats ActiveHours;

    /// <summary>The open hour (hours since the epoch), its count so far, and the count at which it is next tested.</summary>
    public long Hour = long.MinValue;
    public int Count;
    public int NextCheck;

    /// <summary>Whether a flagged session worked in the open hour, which then teaches no baseline when it closes.</summary>
    public bool Contaminated;

    public static EventTime StartOf(long hour) => EventTime.FromUnixMilliseconds(hour * 3_600_000);

    public void Write(BinaryWriter w)
    {
        Seasonal.Write(w);
        Hourly.Write(w);
        Cusum.Write(w);
        ActiveHours.Write(w);
        w.Write(Hour);
        w.Write(Count);
        w.Write(NextCheck);
        w.Write(Contaminated);
    }

    public static RateBaseline Read(BinaryReader r) => new()
    {
        Seasonal = SeasonalRateBaseline.Read(r),
        Hourly = SlidingWindow.Read(r),
        Cusum = CusumState.Read(r),
        ActiveHours = LogStats.Read(r),
        Hour = r.ReadInt64(),
        Count = r.ReadInt32(),
        NextCheck = r.ReadInt32(),
        Contaminated = r.ReadBoolean(),
    };
}
