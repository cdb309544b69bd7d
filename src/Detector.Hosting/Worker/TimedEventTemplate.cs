using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Detector.Domain.Time;

namespace Detector.Hosting.Worker;

/// <summary>
/// A recorded event replayed as new traffic: <c>time</c> is re-stamped when it is produced (and
/// <c>credential_expires_at</c> moved with it, keeping the credential's remaining lifetime). On a
/// repeated pass through the recording, <c>event_id</c> and <c>session_id</c> get the pass number as a
/// suffix, so a repeat is new traffic rather than redelivery. Split once; rendering only copies bytes.
/// </summary>
public sealed class TimedEventTemplate
{
    private readonly byte[] _line;
    private readonly Field[] _fields;

    private TimedEventTemplate(byte[] line, byte[] key, EventTime time, Field[] fields)
    {
        _line = line;
        Key = key;
        Time = time;
        _fields = fields;
    }

    /// <summary>The agent id (the record key).</summary>
    public byte[] Key { get; }

    /// <summary>The event's time in the recording.</summary>
    public EventTime Time { get; }

    /// <summary>A template for a JSON event line with string <c>time</c> and <c>agent_id</c>; false otherwise.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> line, out TimedEventTemplate template)
    {
        template = null!;
        var fields = new List<Field>(4);
        EventTime? time = null, expires = null;
        byte[]? key = null;
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var kind = reader.ValueTextEquals("time"u8) ? FieldKind.Time
                    : reader.ValueTextEquals("credential_expires_at"u8) ? FieldKind.Expiry
                    : reader.ValueTextEquals("event_id"u8) || reader.ValueTextEquals("session_id"u8) ? FieldKind.Id
                    : FieldKind.Other;
                bool isAgent = reader.ValueTextEquals("agent_id"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                {
                    reader.Skip();
                    continue;
                }
                if (isAgent)
                    key = Encoding.UTF8.GetBytes(reader.GetString()!);
                if (kind == FieldKind.Other)
                    continue;
                int start = checked((int)reader.TokenStartIndex);
                fields.Add(new Field(kind, start, reader.ValueSpan.Length + 2, TimeSpan.Zero));
                if (kind == FieldKind.Time)
                    time = EventTime.Parse(reader.GetString()!);
                else if (kind == FieldKind.Expiry)
                    expires = EventTime.Parse(reader.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return false;
        }
        if (time is not { } t || key is null)
            return false;
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Kind == FieldKind.Expiry)
                fields[i] = fields[i] with { Offset = expires!.Value - t };
        }
        fields.Sort((a, b) => a.Start.CompareTo(b.Start));
        template = new TimedEventTemplate(line.ToArray(), key, t, [.. fields]);
        return true;
    }

    /// <summary>The event stamped with <paramref name="now"/> as its time; ids suffixed with the pass from pass 1 on.</summary>
    public byte[] Render(EventTime now, int pass, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        int at = 0;
        Span<byte> text = stackalloc byte[Rfc3339.MaxFormattedLength + 16];
        foreach (var f in _fields)
        {
            buffer.Write(_line.AsSpan(at, f.Start - at));
            if (f.Kind == FieldKind.Id)
            {
                // The original value without its closing quote, then "~pass" and the quote.
                buffer.Write(_line.AsSpan(f.Start, f.Length - 1));
                if (pass > 0)
                {
                    text[0] = (byte)'~';
                    pass.TryFormat(text[1..], out int digits, default, CultureInfo.InvariantCulture);
                    buffer.Write(text[..(digits + 1)]);
                }
                buffer.Write("\""u8);
            }
            else
            {
                text[0] = (byte)'"';
                int n = Rfc3339.Format(now + f.Offset, text[1..]);
                text[n + 1] = (byte)'"';
                buffer.Write(text[..(n + 2)]);
            }
            at = f.Start + f.Length;
        }
        buffer.Write(_line.AsSpan(at));
        return buffer.WrittenSpan.ToArray();
    }

    private enum FieldKind : byte
    {
        Other,
        Time,
        Expiry,
        Id,
    }

    private readonly record struct Field(FieldKind Kind, int Start, int Length, TimeSpan Offset);
}
