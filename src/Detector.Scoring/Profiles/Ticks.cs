using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>The coarse clock of the seen sets: minutes since the Unix epoch (fits 32 bits until the year 10136).</summary>
public static class Ticks
{
    public static uint Minutes(EventTime time) => (uint)Math.Max(0, time.UnixMilliseconds / 60_000);

    /// <summary>Days since the Unix epoch.</summary>
    public static int Day(EventTime time) => (int)(time.UnixMilliseconds / 86_400_000);
}
