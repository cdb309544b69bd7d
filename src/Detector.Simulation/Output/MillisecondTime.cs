using System.Text.Json;
using Detector.Domain.Time;

namespace Detector.Simulation.Output;

/// <summary>
/// RFC 3339 UTC with exactly three fraction digits (2026-01-05T09:15:02.120Z), as collectors
/// usually stamp: a fixed width, so no timestamp is shorter or longer than another.
/// </summary>
internal static class MillisecondTime
{
    public const int Length = 24;

    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, EventTime time)
    {
        Span<byte> text = stackalloc byte[Length];
        var t = new DateTime(time.UtcTicks, DateTimeKind.Utc);
        Digits(text, 0, 4, t.Year);
        text[4] = (byte)'-';
        Digits(text, 5, 2, t.Month);
        text[7] = (byte)'-';
        Digits(text, 8, 2, t.Day);
        text[10] = (byte)'T';
        Digits(text, 11, 2, t.Hour);
        text[13] = (byte)':';
        Digits(text, 14, 2, t.Minute);
        text[16] = (byte)':';
        Digits(text, 17, 2, t.Second);
        text[19] = (byte)'.';
        Digits(text, 20, 3, t.Millisecond);
        text[23] = (byte)'Z';
        writer.WriteString(name, text);
    }

    private static void Digits(Span<byte> text, int start, int count, int value)
    {
        for (int i = start + count - 1; i >= start; i--)
        {
            text[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
