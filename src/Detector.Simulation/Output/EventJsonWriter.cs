using System.Buffers;
using System.Text.Json;
using Detector.Domain.Events;
using Detector.Domain.Wire;

namespace Detector.Simulation.Output;

/// <summary>
/// Serialises events as tool-invocation event v1 with <see cref="Utf8JsonWriter"/> in a fixed field
/// order (so output is byte-stable), optional fields only when set, or only the five required fields.
/// </summary>
internal sealed class EventJsonWriter
{
    private static readonly JsonEncodedText EventId = JsonEncodedText.Encode("event_id");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText AgentId = JsonEncodedText.Encode("agent_id");
    private static readonly JsonEncodedText SessionId = JsonEncodedText.Encode("session_id");
    private static readonly JsonEncodedText Tool = JsonEncodedText.Encode("tool");
    private static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
    private static readonly JsonEncodedText Destination = JsonEncodedText.Encode("destination");
    private static readonly JsonEncodedText Sensitivity = JsonEncodedText.Encode("sensitivity");
    private static readonly JsonEncodedText Tenant = JsonEncodedText.Encode("tenant");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Arguments = JsonEncodedText.Encode("arguments");
    private static readonly JsonEncodedText Intent = JsonEncodedText.Encode("intent");
    private static readonly JsonEncodedText Sponsor = JsonEncodedText.Encode("sponsor");
    private static readonly JsonEncodedText ParentAgentId = JsonEncodedText.Encode("parent_agent_id");
    private static readonly JsonEncodedText ParentSessionId = JsonEncodedText.Encode("parent_session_id");
    private static readonly JsonEncodedText CredentialId = JsonEncodedText.Encode("credential_id");
    private static readonly JsonEncodedText CredentialExpiresAt = JsonEncodedText.Encode("credential_expires_at");
    private static readonly JsonEncodedText ApprovalId = JsonEncodedText.Encode("approval_id");
    private static readonly JsonEncodedText BytesOut = JsonEncodedText.Encode("bytes_out");
    private static readonly JsonEncodedText LatencyMs = JsonEncodedText.Encode("latency_ms");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly bool _minimal;

    public EventJsonWriter(bool minimalFields)
    {
        _minimal = minimalFields;
        _writer = new Utf8JsonWriter(_buffer, ContractJson.WriterOptions);
    }

    /// <summary>The event as one JSON object without the line break; valid until the next call.</summary>
    public ReadOnlySpan<byte> Write(SimEvent e)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var w = _writer;
        w.WriteStartObject();
        w.WriteString(EventId, e.EventId);
        MillisecondTime.Write(w, Time, e.Time);
        w.WriteString(AgentId, e.AgentId);
        w.WriteString(SessionId, e.SessionId);
        w.WriteString(Tool, e.Tool);
        if (!_minimal)
            WriteOptional(w, e);
        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenSpan;
    }

    private static void WriteOptional(Utf8JsonWriter w, SimEvent e)
    {
        w.WriteString(Action, e.Action.WireName());
        if (e.Resource is not null)
            w.WriteString(Resource, e.Resource);
        if (e.Destination is not null)
            w.WriteString(Destination, e.Destination);
        w.WriteString(Sensitivity, e.Sensitivity.WireName());
        w.WriteString(Tenant, e.Tenant);
        w.WriteString(Outcome, e.Outcome.WireName());
        if (e.Arguments.Count > 0)
        {
            w.WriteStartObject(Arguments);
            foreach (var a in e.Arguments)
            {
                if (a.Value.IsNumber)
                    w.WriteNumber(a.Name, a.Value.Number);
                else
                    w.WriteString(a.Name, a.Value.Text);
            }
            w.WriteEndObject();
        }
        w.WriteString(Intent, e.Intent);
        w.WriteString(Sponsor, e.Sponsor);
        if (e.ParentAgentId is not null)
            w.WriteString(ParentAgentId, e.ParentAgentId);
        if (e.ParentSessionId is not null)
            w.WriteString(ParentSessionId, e.ParentSessionId);
        w.WriteString(CredentialId, e.CredentialId);
        MillisecondTime.Write(w, CredentialExpiresAt, e.CredentialExpiresAt);
        if (e.ApprovalId is not null)
            w.WriteString(ApprovalId, e.ApprovalId);
        w.WriteNumber(BytesOut, e.BytesOut);
        w.WriteNumber(LatencyMs, e.LatencyMs);
    }
}
