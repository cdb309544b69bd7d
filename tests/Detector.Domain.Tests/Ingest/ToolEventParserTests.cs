using System.Text;
using System.Text.Json.Nodes;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.TestSupport;
using Xunit;

namespace Detector.Domain.Tests.Ingest;

public sealed class ToolEventParserTests
{
    private static readonly IngestLimits Limits = new() { MaxRecordBytes = 4096, MaxFields = 32, MaxDepth = 4 };

    private static (ParseResult Result, ToolEvent Event) Parse(byte[] bytes, ToolCatalog? catalog = null)
    {
        var e = new ToolEvent();
        return (new ToolEventParser(Limits, catalog).Parse(bytes, e), e);
    }

    private static (ParseResult Result, ToolEvent Event) Parse(string json, ToolCatalog? catalog = null) => Parse(Encoding.UTF8.GetBytes(json), catalog);

    [Fact]
    public void A_minimal_event_with_the_five_required_fields_is_accepted()
    {
        var (result, e) = Parse(EventJson.Valid().Line());
        Assert.True(result.IsAccepted, result.Describe());
        Assert.Equal("e-1", e.EventId);
        Assert.Equal("2026-01-05T09:00:00Z", e.Time.ToString());
        Assert.Equal("spiffe://corp.example/agent/triage-1", e.Agent.Value);
        Assert.Equal("s-1", e.Session.Value);
        Assert.Equal("search_tickets", e.Tool);
        Assert.Equal(ToolAction.Read, e.Action); // what the tool's name says
        Assert.Equal(Sensitivity.Unknown, e.Sensitivity);
        Assert.Equal(Outcome.Success, e.Outcome);
    }

    [Fact]
    public void Every_optional_field_is_read()
    {
        var json = EventJson.Valid()
            .With("action", "transfer").With("resource", "s3://corp/customers/1.csv").With("destination", "files.example.net")
            .With("sensitivity", "restricted").With("tenant", "acme").With("outcome", "denied")
            .With("arguments", new JsonObject { ["recipient"] = "ops@example.com", ["amount"] = 12.5, ["dry_run"] = false, ["tags"] = new JsonArray("a", "b") })
            .With("intent", "reconcile invoices").With("sponsor", "alice@corp.example")
            .With("parent_agent_id", "spiffe://corp.example/agent/planner").With("parent_session_id", "p-1")
            .With("credential_id", "cred-9").With("credential_expires_at", "2026-01-05T09:30:00Z").With("approval_id", "chg-1")
            .With("bytes_out", 2048).With("latency_ms", 12.75).With("some_future_field", new JsonObject { ["x"] = 1 });
        var (result, e) = Parse(json.Line());
        Assert.True(result.IsAccepted, result.Describe());
        Assert.Equal(ToolAction.Transfer, e.Action);
        Assert.Equal("s3://corp/customers/1.csv", e.Resource);
        Assert.Equal("files.example.net", e.Destination);
        Assert.Equal(Sensitivity.Restricted, e.Sensitivity);
        Assert.Equal("acme", e.Tenant);
        Assert.Equal(Outcome.Denied, e.Outcome);
        Assert.Equal(4, e.Arguments.Count);
        Assert.True(e.Arguments.TryGet("recipient", out var recipient));
        Assert.Equal(("ops@example.com", ArgumentKind.String), (recipient.Text, recipient.Kind));
        Assert.Equal(ArgumentKind.Array, e.Arguments[3].Kind);
        Assert.Null(e.Arguments[3].Text);
        Assert.Equal("reconcile invoices", e.Intent);
        Assert.Equal("alice@corp.example", e.Sponsor);
        Assert.Equal("spiffe://corp.example/agent/planner", e.ParentAgent.Value);
        Assert.Equal("p-1", e.ParentSession.Value);
        Assert.True(e.IsDelegated);
        Assert.Equal("cred-9", e.CredentialId);
        Assert.Equal("2026-01-05T09:30:00Z", e.CredentialExpiresAt.ToString());
        Assert.Equal("chg-1", e.ApprovalId);
        Assert.Equal(2048, e.BytesOut);
        Assert.Equal(12.75, e.LatencyMs);
    }

    public static TheoryData<string, byte[], RejectReason, string?> Rejects()
    {
        var deep = EventJson.Valid().With("arguments", new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonObject { ["c"] = new JsonObject() } } });
        var wide = EventJson.Valid();
        for (int i = 0; i < 40; i++)
            wide[$"extra_{i}"] = i;
        var big = EventJson.Valid().With("intent", new string('x', 5000));
        return new()
        {
            { "garbage", Encoding.UTF8.GetBytes("hello world"), RejectReason.NotJson, null },
            { "truncated object", Encoding.UTF8.GetBytes("{\"event_id\":\"e-1\","), RejectReason.NotJson, null },
            { "two objects", Encoding.UTF8.GetBytes(EventJson.Valid().Line() + "{}"), RejectReason.NotJson, null },
            { "array", Encoding.UTF8.GetBytes("[1,2,3]"), RejectReason.NotObject, null },
            { "string", Encoding.UTF8.GetBytes("\"event\""), RejectReason.NotObject, null },
            { "no tool", EventJson.Valid().Without("tool").Bytes(), RejectReason.MissingField, "tool" },
            { "no event_id", EventJson.Valid().Without("event_id").Bytes(), RejectReason.MissingField, "event_id" },
            { "numeric agent", EventJson.Valid().With("agent_id", 7).Bytes(), RejectReason.WrongType, "agent_id" },
            { "null session", EventJson.Valid().With("session_id", null).Bytes(), RejectReason.WrongType, "session_id" },
            { "bytes_out fraction", EventJson.Valid().With("bytes_out", 1.5).Bytes(), RejectReason.WrongType, "bytes_out" },
            { "arguments array", EventJson.Valid().With("arguments", new JsonArray()).Bytes(), RejectReason.WrongType, "arguments" },
            { "empty tool", EventJson.Valid().With("tool", "").Bytes(), RejectReason.EmptyRequiredString, "tool" },
            { "local time", EventJson.Valid().With("time", "2026-01-05T09:00:00").Bytes(), RejectReason.InvalidTime, "time" },
            { "bad expiry", EventJson.Valid().With("credential_expires_at", "soon").Bytes(), RejectReason.InvalidTime, "credential_expires_at" },
            { "invalid utf-8", [.. Encoding.UTF8.GetBytes("{\"event_id\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], RejectReason.InvalidUtf8, null },
            { "oversize", big.Bytes(), RejectReason.Oversize, null },
            { "too many fields", wide.Bytes(), RejectReason.TooManyFields, null },
            { "too deep", deep.Bytes(), RejectReason.TooDeep, null },
            { "unknown action", EventJson.Valid().With("action", "fly").Bytes(), RejectReason.InvalidValue, "action" },
            { "upper-case sensitivity", EventJson.Valid().With("sensitivity", "RESTRICTED").Bytes(), RejectReason.InvalidValue, "sensitivity" },
            { "negative bytes", EventJson.Valid().With("bytes_out", -1).Bytes(), RejectReason.InvalidValue, "bytes_out" },
            { "duplicate agent_id", Encoding.UTF8.GetBytes("{\"event_id\":\"e\",\"time\":\"2026-01-05T09:00:00Z\",\"agent_id\":\"a\",\"agent_id\":\"b\",\"session_id\":\"s\",\"tool\":\"t\"}"), RejectReason.DuplicateField, "agent_id" },
        };
    }

    [Theory]
    [MemberData(nameof(Rejects))]
    public void Bad_records_are_rejected_with_a_precise_reason(string because, byte[] record, RejectReason reason, string? field)
    {
        var (result, _) = Parse(record);
        Assert.True(result.Reason == reason, $"{because}: expected {reason}, got {result.Reason} ({result.Describe()})");
        Assert.Equal(field, result.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Describe()));
    }

    [Fact]
    public void Escaped_strings_are_unescaped_before_use()
    {
        var (result, e) = Parse("{\"event_id\":\"e\\u002d1\",\"time\":\"2026-01-05T09:00:00\\u005a\",\"agent_id\":\"a\\/b\",\"session_id\":\"s\",\"tool\":\"t\\u00e9\"}");
        Assert.True(result.IsAccepted, result.Describe());
        Assert.Equal("e-1", e.EventId);
        Assert.Equal("a/b", e.Agent.Value);
        Assert.Equal("t\u00e9", e.Tool);
    }

    [Fact]
    public void The_event_id_hash_is_that_of_the_id_whether_escaped_parsed_set_or_reused()
    {
        var parser = new ToolEventParser(Limits);
        var e = new ToolEvent();
        Assert.True(parser.Parse(Encoding.UTF8.GetBytes("{\"event_id\":\"e\\u002d1\",\"time\":\"2026-01-05T09:00:00Z\",\"agent_id\":\"a\",\"session_id\":\"s\",\"tool\":\"t\"}"), e).IsAccepted);
        ulong escaped = e.EventIdHash;
        Assert.True(parser.Parse(EventJson.Valid().Bytes(), e).IsAccepted);
        Assert.Equal(escaped, e.EventIdHash);
        Assert.Equal(StableHash.Of("e-1"), e.EventIdHash);

        // The reused buffer holds a shorter id next: only its own bytes count.
        Assert.True(parser.Parse(EventJson.Valid().With("event_id", "e").Bytes(), e).IsAccepted);
        Assert.Equal("e", e.EventId);
        Assert.Equal(StableHash.Of("e"), e.EventIdHash);
        Assert.NotEqual(escaped, e.EventIdHash);

        var copy = new ToolEvent();
        e.CopyTo(copy);
        Assert.Equal(e.EventIdHash, copy.EventIdHash);
        copy.Clear();
        Assert.Equal("", copy.EventId);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var (result, _) = Parse([0xEF, 0xBB, 0xBF, .. EventJson.Valid().Bytes()]);
        Assert.True(result.IsAccepted, result.Describe());
    }

    [Fact]
    public void A_missing_action_comes_from_the_tool_catalog_else_the_tools_name_and_an_explicit_one_wins()
    {
        var catalog = new ToolCatalog(new Dictionary<string, ToolCatalogEntry>
        {
            ["send_wire"] = new(ToolAction.Transfer, Sensitivity.Confidential),
        });
        var (_, inferred) = Parse(EventJson.Valid(tool: "send_wire").Line(), catalog);
        Assert.Equal((ToolAction.Transfer, Sensitivity.Confidential), (inferred.Action, inferred.Sensitivity));
        var (_, explicitAction) = Parse(EventJson.Valid(tool: "send_wire").With("action", "read").Line(), catalog);
        Assert.Equal((ToolAction.Read, Sensitivity.Confidential), (explicitAction.Action, explicitAction.Sensitivity));
        var (_, unknown) = Parse(EventJson.Valid(tool: "other").Line(), catalog);
        Assert.Equal(ToolAction.Unknown, unknown.Action);
        // Not in the catalog: the name's verb gives the action; nothing gives a sensitivity.
        var (_, named) = Parse(EventJson.Valid(tool: "crm.update_contact").Line(), catalog);
        Assert.Equal((ToolAction.Write, Sensitivity.Unknown), (named.Action, named.Sensitivity));
        var (_, stated) = Parse(EventJson.Valid(tool: "crm.update_contact").With("action", "read").Line(), catalog);
        Assert.Equal(ToolAction.Read, stated.Action);
    }

    [Fact]
    public void Equal_argument_values_hash_equal_and_different_values_differ()
    {
        var (_, a) = Parse(EventJson.Valid().With("arguments", new JsonObject { ["to"] = "x", ["n"] = 1 }).Line());
        var hashes = (a.Arguments[0].ValueHash, a.Arguments[1].ValueHash);
        var (_, b) = Parse(EventJson.Valid().With("arguments", new JsonObject { ["to"] = "x", ["n"] = 2 }).Line());
        Assert.Equal(hashes.Item1, b.Arguments[0].ValueHash);
        Assert.NotEqual(hashes.Item2, b.Arguments[1].ValueHash);
    }

    [Fact]
    public void Recurring_strings_are_pooled_so_a_typical_record_allocates_little()
    {
        var parser = new ToolEventParser(new IngestLimits());
        var e = new ToolEvent();
        var records = Enumerable.Range(0, 1000).Select(i => EventJson.Valid(eventId: $"evt-{i:D8}", session: $"s-{i % 10}")
            .With("action", "read").With("resource", "zendesk/tickets").With("destination", "queue")
            .With("arguments", new JsonObject { ["channel"] = "ops", ["limit"] = 50 }).Bytes()).ToArray();
        foreach (var r in records)
            parser.Parse(r, e);
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var r in records)
            Assert.True(parser.Parse(r, e).IsAccepted);
        long perRecord = (GC.GetAllocatedBytesForCurrentThread() - before) / records.Length;
        // Only the event id string is new per record (about 40 bytes for 12 characters).
        Assert.InRange(perRecord, 0, 64);
    }
}
