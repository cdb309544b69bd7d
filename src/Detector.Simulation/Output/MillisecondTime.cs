using System.Text.Json;
using Detector.Domain.Time;

namespace Detector.Simulation.Output;

/// <summary>
/// RFC 3339 UTC with exactly three fraction digits (2026-01-05T09:15:02.120Z), as collectors
/// usually stamp: a fixed width, so no timestamp is shorter or longer than another.
/// </summary>
internal static class MillisecondTime
{
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, EventTime time)
    {
        Span<byte> text = stackalloc byte[Rfc3339.MillisecondLength];
        Rfc3339.FormatMilliseconds(time, text);
        writer.WriteString(name, text);
    }
}
