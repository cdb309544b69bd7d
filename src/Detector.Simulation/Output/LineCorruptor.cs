using System.Text;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Output;

/// <summary>
/// Builds a garbled copy of a real line (with its own event id, so it never duplicates the real one).
/// Relies on <see cref="EventJsonWriter"/>'s layout: no whitespace, required fields first, ASCII names.
/// </summary>
internal static class LineCorruptor
{
    public static byte[] Corrupt(ReadOnlySpan<byte> line, NoiseKind kind, Rng rng)
    {
        var copy = line.ToArray();
        // Skip the opening quote and the "evt_" prefix, then re-draw the hex digits.
        int id = ValueStart(copy, "event_id");
        for (int i = id + 5; i < copy.Length && copy[i] != '"'; i++)
            copy[i] = (byte)"0123456789abcdef"[rng.Below(16)];
        return kind switch
        {
            NoiseKind.Truncated => copy[..rng.Between(1, copy.Length - 1)],
            NoiseKind.NotObject => [(byte)'[', .. copy, (byte)']'],
            NoiseKind.MissingField => RemoveField(copy, rng.Chance(0.5) ? "session_id" : "agent_id"),
            NoiseKind.EmptyTool => ReplaceValue(copy, "tool", "\"\""u8),
            NoiseKind.BadTime => SetHour25(copy),
            NoiseKind.WrongType => ReplaceValue(copy, "session_id", Encoding.ASCII.GetBytes("9" + rng.Digits(8))),
            NoiseKind.DuplicateField => DuplicateTool(copy),
            NoiseKind.InvalidUtf8 => Insert(copy, ValueStart(copy, "tool") + 1, [0xC3, 0x28]),
            NoiseKind.UnknownOutcome => ReplaceValue(copy, "outcome", "\"ok\""u8),
            NoiseKind.NegativeBytes => Insert(copy, ValueStart(copy, "bytes_out"), [(byte)'-']),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    public static bool Applies(ReadOnlySpan<byte> line, NoiseKind kind) => kind switch
    {
        NoiseKind.UnknownOutcome => line.IndexOf("\"outcome\":"u8) >= 0,
        NoiseKind.NegativeBytes => line.IndexOf("\"bytes_out\":"u8) >= 0,
        _ => true,
    };

    /// <summary>Index of the first byte of a top-level field's value (the opening quote for strings).</summary>
    private static int ValueStart(byte[] line, string field)
    {
        int at = line.AsSpan().IndexOf(Encoding.ASCII.GetBytes("\"" + field + "\":"));
        if (at < 0)
            throw new InvalidOperationException($"line has no {field}");
        return at + field.Length + 3;
    }

    /// <summary>Index just past a string value starting at <paramref name="start"/> (its opening quote).</summary>
    private static int StringEnd(byte[] line, int start) => start + 1 + line.AsSpan(start + 1).IndexOf((byte)'"') + 1;

    private static byte[] ReplaceValue(byte[] line, string field, ReadOnlySpan<byte> value)
    {
        int start = ValueStart(line, field);
        int end = StringEnd(line, start);
        return [.. line.AsSpan(0, start), .. value, .. line.AsSpan(end)];
    }

    /// <summary>Removes <c>"field":"value",</c>; used for fields always followed by another.</summary>
    private static byte[] RemoveField(byte[] line, string field)
    {
        int start = ValueStart(line, field) - field.Length - 3;
        int end = StringEnd(line, ValueStart(line, field)) + 1;
        return [.. line.AsSpan(0, start), .. line.AsSpan(end)];
    }

    private static byte[] SetHour25(byte[] line)
    {
        int hour = ValueStart(line, "time") + 1 + 11;
        line[hour] = (byte)'2';
        line[hour + 1] = (byte)'5';
        return line;
    }

    private static byte[] DuplicateTool(byte[] line)
    {
        int start = ValueStart(line, "tool") - 7;
        int end = StringEnd(line, ValueStart(line, "tool"));
        return [(byte)'{', .. line.AsSpan(start, end - start), (byte)',', .. line.AsSpan(1)];
    }

    private static byte[] Insert(byte[] line, int at, ReadOnlySpan<byte> bytes) => [.. line.AsSpan(0, at), .. bytes, .. line.AsSpan(at)];
}
