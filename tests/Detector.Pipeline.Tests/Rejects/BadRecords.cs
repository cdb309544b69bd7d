using System.Text;
using System.Text.Json.Nodes;
using Detector.Domain.Ingest;
using Detector.TestSupport;

namespace Detector.Pipeline.Tests.Rejects;

/// <summary>
/// One input line per reject reason, each with the field its dead letter should name. Lines are bytes
/// because some are not valid UTF-8 or repeat a key, which no JSON builder writes.
/// </summary>
internal static class BadRecords
{
    public const string Agent = "spiffe://corp.example/agent/triage-1";

    /// <summary>The parse-time rejects: whatever else the stream holds, these lines alone decide.</summary>
    /// <param name="oversizeBytes">Length of the oversize line: past the record limit, and past the reader's buffer too when the test needs it.</param>
    public static IEnumerable<(RejectReason Reason, string? Field, byte[] Line)> ParseRejects(int oversizeBytes)
    {
        yield return (RejectReason.NotJson, null, Utf8("""{"event_id":"bad-1","time":"2026-01-05T09:00:00Z" """));
        yield return (RejectReason.NotJson, null, Utf8(Event("bad-2").Line() + " {}"));
        yield return (RejectReason.NotObject, null, Utf8("""["event_id","bad-3"]"""));
        yield return (RejectReason.MissingField, "tool", Utf8(Event("bad-4").Without("tool").Line()));
        yield return (RejectReason.WrongType, "agent_id", Utf8(Event("bad-5").With("agent_id", 42).Line()));
        yield return (RejectReason.WrongType, "session_id", Utf8(Event("bad-6").With("session_id", null).Line()));
        yield return (RejectReason.EmptyRequiredString, "session_id", Utf8(Event("bad-7").With("session_id", "").Line()));
        yield return (RejectReason.InvalidTime, "time", Utf8(Event("bad-8").With("time", "2026-01-05 09:00:00").Line()));
        yield return (RejectReason.InvalidTime, "credential_expires_at", Utf8(Event("bad-9").With("credential_expires_at", "tomorrow").Line()));
        yield return (RejectReason.InvalidUtf8, null, [.. Utf8("""{"event_id":"bad-10","time":"2026-01-05T09:00:00Z","agent_id":"a","session_id":"s","tool":"t"""), 0xC3, 0x28, .. Utf8("\"}")]);
        yield return (RejectReason.Oversize, null, Padded(Event("bad-11"), oversizeBytes));
        yield return (RejectReason.TooManyFields, null, Utf8(Event("bad-12").With("arguments", ManyFields(300)).Line()));
        yield return (RejectReason.TooDeep, null, Utf8(Event("bad-13").With("arguments", Nested(9)).Line()));
        yield return (RejectReason.InvalidValue, "action", Utf8(Event("bad-14").With("action", "delete").Line()));
        yield return (RejectReason.InvalidValue, "bytes_out", Utf8(Event("bad-15").With("bytes_out", -1).Line()));
        yield return (RejectReason.DuplicateField, "tool", Utf8(Event("bad-16").Line()[..^1] + ""","tool":"grant_role"}"""));
    }

    public static JsonObject Event(string id, string time = "2026-01-05T09:00:00Z", string agent = Agent, string session = "s-1", string tool = "search_tickets") =>
        EventJson.Valid(id, time, agent, session, tool);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>The event with a resource long enough to make its line exactly <paramref name="bytes"/> long.</summary>
    public static byte[] Padded(JsonObject e, int bytes)
    {
        int plain = Utf8(e.With("resource", "").Line()).Length;
        return Utf8(e.With("resource", new string('r', bytes - plain)).Line());
    }

    private static JsonObject ManyFields(int count)
    {
        var o = new JsonObject();
        for (int i = 0; i < count; i++)
            o["k" + i] = i;
        return o;
    }

    /// <summary>An arguments object that brings the record to <paramref name="levels"/> levels of nesting (the record is level 1).</summary>
    private static JsonObject Nested(int levels)
    {
        var inner = new JsonObject { ["leaf"] = 1 };
        for (int level = 3; level <= levels; level++)
            inner = new JsonObject { ["n"] = inner };
        return inner;
    }
}
