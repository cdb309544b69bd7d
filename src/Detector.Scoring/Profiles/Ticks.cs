using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>Coarse event-time clocks.</summary>
public static class Ticks
{
    /// <summary>The seen sets' clock: days since the Unix epoch, in 16 bits (until the year 2149).</summary>
    public static ushort SeenDay(EventTime time) => (ushort)Math.Clamp(Day(time), 0, ushort.MaxValue);

    /// <summary>Days since the Unix epoch.</summary>
    public static int Day(EventTime time) => (int)(time.UnixMilliseconds / 86_400_000);
}
