using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Domain.Ingest;

/// <summary>
/// Reads a tool-invocation event v1 from UTF-8 bytes with <see cref="Utf8JsonReader"/>, filling a
/// reused <see cref="ToolEvent"/>. Recurring strings come from a bounded pool, and the event id and
/// resource stay UTF-8 until read, so a typical record allocates only its one-off free text (argument
/// values such as message bodies). Bad input returns a precise <see cref="ParseResult"/>; the only
/// exception caught is the reader's own for malformed JSON. One instance per thread.
/// </summary>
public sealed class ToolEventParser
{
    private const int UnescapeBufferBytes = 512;

    private readonly IngestLimits _limits;
    private readonly ToolCatalog _catalog;
    private readonly Utf8StringPool _pool;
    private readonly JsonReaderOptions _readerOptions;

    public ToolEventParser(IngestLimits limits, ToolCatalog? catalog = null, Utf8StringPool? pool = null)
    {
        limits.Validate();
        _limits = limits;
        _catalog = catalog ?? ToolCatalog.Empty;
        _pool = pool ?? new Utf8StringPool();
        // One level of head-room: our own depth check reports too_deep before the reader throws.
        _readerOptions = new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow };
    }

    public ParseResult Parse(ReadOnlySpan<byte> record, ToolEvent target)
    {
        target.Clear();
        if (record.Length > _limits.MaxRecordBytes)
            return new(RejectReason.Oversize, null);
        if (record.StartsWith("\uFEFF"u8))
            record = record[3..];
        if (!Utf8.IsValid(record))
            return new(RejectReason.InvalidUtf8, null);

        var reader = new Utf8JsonReader(record, _readerOptions);
        try
        {
            return ReadRecord(ref reader, record, target);
        }
        catch (JsonException)
        {
            return new(RejectReason.NotJson, null);
        }
    }

    private ParseResult ReadRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> record, ToolEvent e)
    {
        if (!reader.Read())
            return new(RejectReason.NotJson, null);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Classify the whole document: well-formed non-objects differ from garbage.
            reader.Skip();
            while (reader.Read()) { }
            return new(RejectReason.NotObject, null);
        }

        Span<byte> nameBuffer = stackalloc byte[64];
        Fields seen = Fields.None;
        int fieldCount = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (++fieldCount > _limits.MaxFields)
                return new(RejectReason.TooManyFields, null);
            ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Unescape(in reader, nameBuffer) : reader.ValueSpan;
            Fields field = Identify(name);
            if (!reader.Read())
                return new(RejectReason.NotJson, null);
            if (field == Fields.None)
            {
                var skipped = SkipValue(ref reader, ref fieldCount);
                if (!skipped.IsAccepted)
                    return skipped;
                continue;
            }
            if ((seen & field) != 0)
                return new(RejectReason.DuplicateField, FieldName(field));
            seen |= field;
            var result = ReadField(ref reader, record, e, field, ref fieldCount);
            if (!result.IsAccepted)
                return result;
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            return new(RejectReason.NotJson, null);
        // Trailing content after the object makes the reader throw: reported as not_json.
        if (reader.Read())
            return new(RejectReason.NotJson, null);

        const Fields required = Fields.EventId | Fields.Time | Fields.AgentId | Fields.SessionId | Fields.Tool;
        if ((seen & required) != required)
            return new(RejectReason.MissingField, FieldName(FirstMissing(seen, required)));

        if ((seen & Fields.Action) == 0 || (seen & Fields.Sensitivity) == 0)
            ApplyCatalog(e, seen);
        return ParseResult.Accepted;
    }

    private void ApplyCatalog(ToolEvent e, Fields seen)
    {
        if (!_catalog.TryGet(e.Tool, out var entry))
        {
            if ((seen & Fields.Action) == 0)
                e.Action = _catalog.InferredAction(e.Tool);
            return;
        }
        if ((seen & Fields.Action) == 0)
            e.Action = entry.Action;
        if ((seen & Fields.Sensitivity) == 0)
            e.Sensitivity = entry.Sensitivity;
    }

    [SkipLocalsInit] // stack buffers hold only what Unescape writes
    private ParseResult ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> record, ToolEvent e, Fields field, ref int fieldCount)
    {
        string fieldName = FieldName(field);
        switch (field)
        {
            case Fields.EventId:
            {
                Span<byte> buffer = stackalloc byte[UnescapeBufferBytes];
                if (!TryRequiredUtf8(in reader, fieldName, buffer, out var id, out var r))
                    return r;
                e.SetEventId(id);
                return ParseResult.Accepted;
            }
            case Fields.AgentId:
            case Fields.SessionId:
            case Fields.Tool:
            {
                if (!TryPooledString(ref reader, fieldName, out string? v, out var r))
                    return r;
                if (field == Fields.AgentId)
                    e.Agent = new AgentId(v!);
                else if (field == Fields.SessionId)
                    e.Session = new SessionId(v!);
                else
                    e.Tool = v!;
                return ParseResult.Accepted;
            }
            case Fields.Time:
            {
                if (reader.TokenType != JsonTokenType.String)
                    return new(RejectReason.WrongType, fieldName);
                if (!TryReadTime(ref reader, out var t))
                    return new(RejectReason.InvalidTime, fieldName);
                e.Time = t;
                return ParseResult.Accepted;
            }
            case Fields.CredentialExpiresAt:
            {
                if (reader.TokenType == JsonTokenType.Null)
                    return ParseResult.Accepted;
                if (reader.TokenType != JsonTokenType.String)
                    return new(RejectReason.WrongType, fieldName);
                if (!TryReadTime(ref reader, out var t))
                    return new(RejectReason.InvalidTime, fieldName);
                e.CredentialExpiresAt = t;
                return ParseResult.Accepted;
            }
            case Fields.Action:
            {
                var r = ReadEnum(ref reader, fieldName, EventEnums.TryParseAction, out ToolAction action);
                e.Action = action;
                return r;
            }
            case Fields.Sensitivity:
            {
                var r = ReadEnum(ref reader, fieldName, EventEnums.TryParseSensitivity, out Sensitivity sensitivity);
                e.Sensitivity = sensitivity;
                return r;
            }
            case Fields.Outcome:
            {
                var r = ReadEnum(ref reader, fieldName, EventEnums.TryParseOutcome, out Outcome outcome);
                e.Outcome = outcome;
                return r;
            }
            case Fields.BytesOut:
            {
                if (reader.TokenType == JsonTokenType.Null)
                    return ParseResult.Accepted;
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long n))
                    return new(RejectReason.WrongType, fieldName);
                if (n < 0)
                    return new(RejectReason.InvalidValue, fieldName);
                e.BytesOut = n;
                return ParseResult.Accepted;
            }
            case Fields.LatencyMs:
            {
                if (reader.TokenType == JsonTokenType.Null)
                    return ParseResult.Accepted;
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double d))
                    return new(RejectReason.WrongType, fieldName);
                if (d < 0 || !double.IsFinite(d))
                    return new(RejectReason.InvalidValue, fieldName);
                e.LatencyMs = d;
                return ParseResult.Accepted;
            }
            case Fields.Arguments:
                return ReadArguments(ref reader, record, e.Arguments, ref fieldCount);
            case Fields.Resource:
            {
                // Mostly one-off paths (ids in them): kept as UTF-8, never pooled.
                Span<byte> buffer = stackalloc byte[UnescapeBufferBytes];
                if (!TryOptionalUtf8(in reader, buffer, out var utf8))
                    return new(RejectReason.WrongType, fieldName);
                if (!utf8.IsEmpty)
                    e.ResourceField.SetUtf8(utf8);
                return ParseResult.Accepted;
            }
            default:
            {
                // Destinations and approvals are often one-off; the rest recur by contract (per session, tenant or sponsor).
                bool recurs = field is not (Fields.Destination or Fields.ApprovalId);
                if (!TryOptionalString(ref reader, recurs, out string? v))
                    return new(RejectReason.WrongType, fieldName);
                switch (field)
                {
                    case Fields.Destination: e.Destination = v; break;
                    case Fields.Tenant: e.Tenant = v; break;
                    case Fields.Intent: e.Intent = v; break;
                    case Fields.Sponsor: e.Sponsor = v; break;
                    case Fields.ParentAgentId: e.ParentAgent = v is null ? default : new AgentId(v); break;
                    case Fields.ParentSessionId: e.ParentSession = v is null ? default : new SessionId(v); break;
                    case Fields.CredentialId: e.CredentialId = v; break;
                    case Fields.ApprovalId: e.ApprovalId = v; break;
                }
                return ParseResult.Accepted;
            }
        }
    }

    [SkipLocalsInit] // stack buffers hold only what Unescape writes
    private ParseResult ReadArguments(ref Utf8JsonReader reader, ReadOnlySpan<byte> record, ArgumentList arguments, ref int fieldCount)
    {
        const string field = "arguments";
        if (reader.TokenType == JsonTokenType.Null)
            return ParseResult.Accepted;
        if (reader.TokenType != JsonTokenType.StartObject)
            return new(RejectReason.WrongType, field);
        if (reader.CurrentDepth + 1 > _limits.MaxDepth)
            return new(RejectReason.TooDeep, null);

        Span<byte> nameBuffer = stackalloc byte[UnescapeBufferBytes];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (++fieldCount > _limits.MaxFields)
                return new(RejectReason.TooManyFields, null);
            string name = _pool.GetOrAdd(reader.ValueIsEscaped ? Unescape(in reader, nameBuffer) : reader.ValueSpan, recurs: true);
            reader.Read();
            ArgumentKind kind;
            ulong hash;
            string? text = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                {
                    kind = ArgumentKind.String;
                    ReadOnlySpan<byte> value = reader.ValueIsEscaped ? Unescape(in reader, nameBuffer) : reader.ValueSpan;
                    hash = StableHash.Of(value, (long)kind);
                    if (value.Length <= _limits.MaxArgumentTextBytes)
                        text = _pool.GetOrAdd(value);
                    break;
                }
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    kind = reader.TokenType switch
                    {
                        JsonTokenType.Number => ArgumentKind.Number,
                        JsonTokenType.Null => ArgumentKind.Null,
                        _ => ArgumentKind.Boolean,
                    };
                    hash = StableHash.Of(reader.ValueSpan, (long)kind);
                    text = _pool.GetOrAdd(reader.ValueSpan);
                    break;
                default:
                {
                    kind = reader.TokenType == JsonTokenType.StartObject ? ArgumentKind.Object : ArgumentKind.Array;
                    int start = (int)reader.TokenStartIndex;
                    var skipped = SkipValue(ref reader, ref fieldCount);
                    if (!skipped.IsAccepted)
                        return skipped;
                    hash = StableHash.Of(record[start..(int)reader.BytesConsumed], (long)kind);
                    break;
                }
            }
            arguments.Add(new Argument(name, kind, hash, text));
        }
        return ParseResult.Accepted;
    }

    /// <summary>Skips an ignored value, enforcing the depth and field limits inside it.</summary>
    private ParseResult SkipValue(ref Utf8JsonReader reader, ref int fieldCount)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return ParseResult.Accepted;
        // A start token at reader depth d opens nesting level d + 1 (the record itself is level 1).
        if (reader.CurrentDepth + 1 > _limits.MaxDepth)
            return new(RejectReason.TooDeep, null);
        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && ++fieldCount > _limits.MaxFields)
                return new(RejectReason.TooManyFields, null);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > _limits.MaxDepth)
                return new(RejectReason.TooDeep, null);
        }
        return ParseResult.Accepted;
    }

    /// <summary>A required string that recurs (agent, session, tool), from the pool.</summary>
    [SkipLocalsInit] // stack buffers hold only what Unescape writes
    private bool TryPooledString(ref Utf8JsonReader reader, string field, out string? value, out ParseResult error)
    {
        value = null;
        Span<byte> buffer = stackalloc byte[UnescapeBufferBytes];
        if (!TryRequiredUtf8(in reader, field, buffer, out var bytes, out error))
            return false;
        value = _pool.GetOrAdd(bytes, recurs: true);
        return true;
    }

    /// <summary>A required string's UTF-8, unescaped into <paramref name="buffer"/> when it has escapes; not a string, not empty: rejected.</summary>
    private static bool TryRequiredUtf8(in Utf8JsonReader reader, string field, Span<byte> buffer, out ReadOnlySpan<byte> value, out ParseResult error)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = new(RejectReason.WrongType, field);
            return false;
        }
        value = reader.ValueIsEscaped ? Unescape(in reader, buffer) : reader.ValueSpan;
        if (value.IsEmpty)
        {
            error = new(RejectReason.EmptyRequiredString, field);
            return false;
        }
        error = ParseResult.Accepted;
        return true;
    }

    /// <summary>Optional strings: null and "" mean absent.</summary>
    [SkipLocalsInit] // stack buffers hold only what Unescape writes
    private bool TryOptionalString(ref Utf8JsonReader reader, bool recurs, out string? value)
    {
        value = null;
        Span<byte> buffer = stackalloc byte[UnescapeBufferBytes];
        if (!TryOptionalUtf8(in reader, buffer, out var bytes))
            return false;
        value = bytes.IsEmpty ? null : _pool.GetOrAdd(bytes, recurs);
        return true;
    }

    /// <summary>An optional string's UTF-8, empty when null or ""; false when not a string.</summary>
    private static bool TryOptionalUtf8(in Utf8JsonReader reader, Span<byte> buffer, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.String)
            return false;
        value = reader.ValueIsEscaped ? Unescape(in reader, buffer) : reader.ValueSpan;
        return true;
    }

    private static bool TryReadTime(ref Utf8JsonReader reader, out EventTime time)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (reader.ValueIsEscaped)
        {
            if (reader.ValueSpan.Length > buffer.Length)
            {
                time = default;
                return false;
            }
            return Rfc3339.TryParse(Unescape(in reader, buffer), out time);
        }
        return Rfc3339.TryParse(reader.ValueSpan, out time);
    }

    /// <summary>Null leaves the default; escaped or unknown names are invalid values.</summary>
    private static ParseResult ReadEnum<T>(ref Utf8JsonReader reader, string field, EventEnums.TryParse<T> parse, out T value)
        where T : struct
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Null)
            return ParseResult.Accepted;
        if (reader.TokenType != JsonTokenType.String)
            return new(RejectReason.WrongType, field);
        if (reader.ValueIsEscaped || !parse(reader.ValueSpan, out value))
            return new(RejectReason.InvalidValue, field);
        return ParseResult.Accepted;
    }

    /// <summary>Unescapes into <paramref name="buffer"/>, or into a fresh array for rare long escaped values.</summary>
    private static ReadOnlySpan<byte> Unescape(in Utf8JsonReader reader, Span<byte> buffer)
    {
        if (reader.ValueSpan.Length <= buffer.Length)
        {
            int n = reader.CopyString(buffer);
            return buffer[..n];
        }
        byte[] large = new byte[reader.ValueSpan.Length];
        return large.AsSpan(0, reader.CopyString(large));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fields Identify(ReadOnlySpan<byte> n) => n.Length switch
    {
        4 when n.SequenceEqual("time"u8) => Fields.Time,
        4 when n.SequenceEqual("tool"u8) => Fields.Tool,
        6 when n.SequenceEqual("action"u8) => Fields.Action,
        6 when n.SequenceEqual("tenant"u8) => Fields.Tenant,
        6 when n.SequenceEqual("intent"u8) => Fields.Intent,
        7 when n.SequenceEqual("outcome"u8) => Fields.Outcome,
        7 when n.SequenceEqual("sponsor"u8) => Fields.Sponsor,
        8 when n.SequenceEqual("event_id"u8) => Fields.EventId,
        8 when n.SequenceEqual("agent_id"u8) => Fields.AgentId,
        8 when n.SequenceEqual("resource"u8) => Fields.Resource,
        9 when n.SequenceEqual("arguments"u8) => Fields.Arguments,
        9 when n.SequenceEqual("bytes_out"u8) => Fields.BytesOut,
        10 when n.SequenceEqual("session_id"u8) => Fields.SessionId,
        10 when n.SequenceEqual("latency_ms"u8) => Fields.LatencyMs,
        11 when n.SequenceEqual("destination"u8) => Fields.Destination,
        11 when n.SequenceEqual("sensitivity"u8) => Fields.Sensitivity,
        11 when n.SequenceEqual("approval_id"u8) => Fields.ApprovalId,
        13 when n.SequenceEqual("credential_id"u8) => Fields.CredentialId,
        15 when n.SequenceEqual("parent_agent_id"u8) => Fields.ParentAgentId,
        17 when n.SequenceEqual("parent_session_id"u8) => Fields.ParentSessionId,
        21 when n.SequenceEqual("credential_expires_at"u8) => Fields.CredentialExpiresAt,
        _ => Fields.None,
    };

    private static Fields FirstMissing(Fields seen, Fields required)
    {
        Fields missing = required & ~seen;
        return (Fields)((uint)missing & (uint)-(int)missing);
    }

    private static string FieldName(Fields f) => f switch
    {
        Fields.EventId => "event_id",
        Fields.Time => "time",
        Fields.AgentId => "agent_id",
        Fields.SessionId => "session_id",
        Fields.Tool => "tool",
        Fields.Action => "action",
        Fields.Resource => "resource",
        Fields.Destination => "destination",
        Fields.Sensitivity => "sensitivity",
        Fields.Tenant => "tenant",
        Fields.Outcome => "outcome",
        Fields.Arguments => "arguments",
        Fields.Intent => "intent",
        Fields.Sponsor => "sponsor",
        Fields.ParentAgentId => "parent_agent_id",
        Fields.ParentSessionId => "parent_session_id",
        Fields.CredentialId => "credential_id",
        Fields.CredentialExpiresAt => "credential_expires_at",
        Fields.ApprovalId => "approval_id",
        Fields.BytesOut => "bytes_out",
        Fields.LatencyMs => "latency_ms",
        _ => "",
    };

    /// <summary>Known fields in contract order; the order of the first five decides which missing field is reported.</summary>
    [Flags]
    private enum Fields : uint
    {
        None = 0,
        EventId = 1 << 0,
        Time = 1 << 1,
        AgentId = 1 << 2,
        SessionId = 1 << 3,
        Tool = 1 << 4,
        Action = 1 << 5,
        Resource = 1 << 6,
        Destination = 1 << 7,
        Sensitivity = 1 << 8,
        Tenant = 1 << 9,
        Outcome = 1 << 10,
        Arguments = 1 << 11,
        Intent = 1 << 12,
        Sponsor = 1 << 13,
        ParentAgentId = 1 << 14,
        ParentSessionId = 1 << 15,
        CredentialId = 1 << 16,
        CredentialExpiresAt = 1 << 17,
        ApprovalId = 1 << 18,
        BytesOut = 1 << 19,
        LatencyMs = 1 << 20,
    }
}
