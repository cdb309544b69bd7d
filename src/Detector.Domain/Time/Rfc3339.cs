namespace Detector.Domain.Time;

/// <summary>
/// RFC 3339 section 5.6 date-time over UTF-8 bytes: full-date "T" full-time with a mandatory offset
/// ("Z" or ±hh:mm). Accepts lower-case t/z and a space separator (section 5.6 note), fractions of any
/// length (truncated to 100 ns) and a leap second only as :60 at 23:59 UTC, folded into the next
/// second's start minus one tick so ordering stays monotonic.
/// </summary>
public static class Rfc3339
{
    public const int MaxFormattedLength = 28; // yyyy-MM-ddTHH:mm:ss.fffffffZ

    public static bool TryParse(ReadOnlySpan<byte> s, out EventTime time)
    {
        time = default;
        // 1. full-date and time-hour ":" time-minute ":" time-second: fixed positions.
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':')
            return false;
        byte sep = s[10];
        if (sep != 'T' && sep != 't' && sep != ' ')
            return false;
        if (!TryDigits(s, 0, 4, out int year) || !TryDigits(s, 5, 2, out int month) || !TryDigits(s, 8, 2, out int day)
            || !TryDigits(s, 11, 2, out int hour) || !TryDigits(s, 14, 2, out int minute) || !TryDigits(s, 17, 2, out int second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
            return false;

        // 2. optional time-secfrac, at least one digit.
        int i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            i++;
            int start = i;
            long scale = TimeSpan.TicksPerSecond / 10;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start)
                return false;
        }

        // 3. time-offset: "Z" / ("+" / "-") hh ":" mm.
        if (i >= s.Length)
            return false;
        long offsetTicks;
        byte z = s[i];
        if (z == 'Z' || z == 'z')
        {
            offsetTicks = 0;
            i++;
        }
        else if (z == '+' || z == '-')
        {
            if (s.Length - i != 6 || s[i + 3] != ':' || !TryDigits(s, i + 1, 2, out int oh) || !TryDigits(s, i + 4, 2, out int om)
                || oh > 23 || om > 59)
                return false;
            offsetTicks = (oh * 60L + om) * TimeSpan.TicksPerMinute * (z == '-' ? -1 : 1);
            i += 6;
        }
        else
        {
            return false;
        }
        if (i != s.Length)
            return false;

        bool leap = second == 60;
        long ticks = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Utc).Ticks + fractionTicks - offsetTicks;
        if (leap)
        {
            // A leap second is valid only at 23:59:60 UTC; it sorts just before the next second.
            var utc = new DateTime(ticks, DateTimeKind.Utc);
            if (utc.Hour != 23 || utc.Minute != 59)
                return false;
            ticks = utc.Ticks - fractionTicks + TimeSpan.TicksPerSecond - 1;
        }
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            return false;
        time = new EventTime(ticks);
        return true;
    }

    /// <summary>Writes UTC with the shortest exact fraction; returns the byte count.</summary>
    public static int Format(EventTime time, Span<byte> destination)
    {
        FormatSeconds(time, destination);
        int i = 19;
        long fraction = time.UtcTicks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            destination[i++] = (byte)'.';
            int digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            WriteDigits(destination, i, digits, (int)fraction);
            i += digits;
        }
        destination[i++] = (byte)'Z';
        return i;
    }

    /// <summary>Bytes written by <see cref="FormatMilliseconds"/>.</summary>
    public const int MillisecondLength = 24;

    /// <summary>Writes UTC with exactly three fraction digits (the time truncated to the millisecond), a fixed width.</summary>
    public static void FormatMilliseconds(EventTime time, Span<byte> destination)
    {
        FormatSeconds(time, destination);
        destination[19] = (byte)'.';
        WriteDigits(destination, 20, 3, (int)(time.UtcTicks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMillisecond));
        destination[23] = (byte)'Z';
    }

    /// <summary>The first 19 bytes, yyyy-MM-ddTHH:mm:ss.</summary>
    private static void FormatSeconds(EventTime time, Span<byte> destination)
    {
        var dt = new DateTime(time.UtcTicks, DateTimeKind.Utc);
        WriteDigits(destination, 0, 4, dt.Year);
        destination[4] = (byte)'-';
        WriteDigits(destination, 5, 2, dt.Month);
        destination[7] = (byte)'-';
        WriteDigits(destination, 8, 2, dt.Day);
        destination[10] = (byte)'T';
        WriteDigits(destination, 11, 2, dt.Hour);
        destination[13] = (byte)':';
        WriteDigits(destination, 14, 2, dt.Minute);
        destination[16] = (byte)':';
        WriteDigits(destination, 17, 2, dt.Second);
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (int k = start; k < start + count; k++)
        {
            uint d = (uint)(s[k] - '0');
            if (d > 9)
                return false;
            value = value * 10 + (int)d;
        }
        return true;
    }

    private static void WriteDigits(Span<byte> d, int start, int count, int value)
    {
        for (int k = start + count - 1; k >= start; k--)
        {
            d[k] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
