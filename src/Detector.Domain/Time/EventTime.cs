using System.Globalization;

namespace Detector.Domain.Time;

/// <summary>
/// An instant on the event timeline (UTC, 100 ns resolution). Scoring, windows and TTLs use this,
/// never the wall clock; replay drives every clock from it.
/// </summary>
public readonly record struct EventTime(long UtcTicks) : IComparable<EventTime>
{
    public static readonly EventTime MinValue = new(DateTime.MinValue.Ticks);
    public static readonly EventTime MaxValue = new(DateTime.MaxValue.Ticks);

    public static EventTime FromDateTimeOffset(DateTimeOffset value) => new(value.UtcTicks);

    public static EventTime FromUnixMilliseconds(long ms) => new(DateTime.UnixEpoch.Ticks + ms * TimeSpan.TicksPerMillisecond);

    public DateTimeOffset ToDateTimeOffset() => new(UtcTicks, TimeSpan.Zero);

    public long UnixMilliseconds => (UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>Whole hours since the Unix epoch: the index of the hourly bucket this instant falls in.</summary>
    public long UnixHour => (UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerHour;

    /// <summary>Hour of day (UTC), 0..23.</summary>
    public int HourOfDay => (int)(UtcTicks / TimeSpan.TicksPerHour % 24);

    public static TimeSpan operator -(EventTime a, EventTime b) => new(a.UtcTicks - b.UtcTicks);

    public static EventTime operator +(EventTime a, TimeSpan d) => new(a.UtcTicks + d.Ticks);

    public static EventTime operator -(EventTime a, TimeSpan d) => new(a.UtcTicks - d.Ticks);

    public static bool operator <(EventTime a, EventTime b) => a.UtcTicks < b.UtcTicks;

    public static bool operator >(EventTime a, EventTime b) => a.UtcTicks > b.UtcTicks;

    public static bool operator <=(EventTime a, EventTime b) => a.UtcTicks <= b.UtcTicks;

    public static bool operator >=(EventTime a, EventTime b) => a.UtcTicks >= b.UtcTicks;

    public static EventTime Max(EventTime a, EventTime b) => a.UtcTicks >= b.UtcTicks ? a : b;

    public int CompareTo(EventTime other) => UtcTicks.CompareTo(other.UtcTicks);

    /// <summary>RFC 3339 in UTC with the shortest exact fraction, e.g. 2026-03-01T09:15:02.25Z.</summary>
    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[Rfc3339.MaxFormattedLength];
        int written = Rfc3339.Format(this, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..written]);
    }

    public static EventTime Parse(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return Rfc3339.TryParse(bytes, out var t)
            ? t
            : throw new FormatException(string.Format(CultureInfo.InvariantCulture, "'{0}' is not an RFC 3339 date-time", text));
    }
}
