using System.Text.Encodings.Web;
using System.Text.Json;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Domain.Wire;

/// <summary>
/// Writes the output contracts (docs/schemas) with a fixed property order and rounded scores, so
/// the same input and model always give byte-identical output.
/// </summary>
public static class ContractJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Scores and features carry 6 decimals: enough to rank, stable across platforms.</summary>
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6, MidpointRounding.ToEven) : 0;

    public static void WriteAlert(Utf8JsonWriter w, Alert a)
    {
        w.WriteStartObject();
        w.WriteString("alert_id", a.AlertId);
        WriteTime(w, "time", a.Time);
        WriteTime(w, "detected_at", a.DetectedAt);
        w.WriteString("agent_id", a.Agent.Value);
        w.WriteString("session_id", a.Session.Value);
        w.WriteString("kind", a.Kind);
        w.WriteString("severity", a.Severity.WireName());
        w.WriteNumber("score", Round(a.Score));
        w.WriteStartArray("event_ids");
        foreach (var step in a.Evidence)
            w.WriteStringValue(step.EventId);
        w.WriteEndArray();
        w.WriteString("explanation", a.Explanation);
        w.WriteStartObject("features");
        foreach (var f in a.Features)
            w.WriteNumber(f.Name, Round(f.Value));
        w.WriteEndObject();
        w.WriteStartArray("evidence");
        foreach (var step in a.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("event_id", step.EventId);
            WriteTime(w, "time", step.Time);
            w.WriteString("tool", step.Tool);
            w.WriteString("action", step.Action);
            w.WriteString("note", step.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("model_version", a.ModelVersion);
        w.WriteEndObject();
    }

    /// <summary>CloudEvents 1.0 structured mode; the signature attribute only when present.</summary>
    public static void WriteSignal(Utf8JsonWriter w, QuarantineSignal s, bool includeSignature = true)
    {
        w.WriteStartObject();
        w.WriteString("specversion", QuarantineSignal.SpecVersion);
        w.WriteString("id", s.Id);
        w.WriteString("source", s.Source);
        w.WriteString("type", QuarantineSignal.EventType);
        w.WriteString("subject", s.Subject);
        WriteTime(w, "time", s.Time);
        w.WriteString("datacontenttype", QuarantineSignal.ContentType);
        if (includeSignature && s.Signature is not null)
            w.WriteString(QuarantineSignal.SignatureAttribute, s.Signature);
        w.WritePropertyName("data");
        WriteOrder(w, s.Data);
        w.WriteEndObject();
    }

    public static void WriteOrder(Utf8JsonWriter w, QuarantineOrder d)
    {
        w.WriteStartObject();
        w.WriteString("agent_id", d.Agent.Value);
        w.WriteString("session_id", d.Session.Value);
        w.WriteString("action", d.Action.WireName());
        WriteStrings(w, "credential_ids", d.CredentialIds);
        WriteStrings(w, "alert_ids", d.AlertIds);
        w.WriteString("severity", d.Severity.WireName());
        w.WriteString("reason", d.Reason);
        WriteTime(w, "expires_at", d.ExpiresAt);
        w.WriteString("model_version", d.ModelVersion);
        w.WriteEndObject();
    }

    public static void WriteSessionScore(Utf8JsonWriter w, SessionScore s)
    {
        w.WriteStartObject();
        w.WriteString("session_id", s.Session.Value);
        w.WriteString("agent_id", s.Agent.Value);
        w.WriteNumber("score", Round(s.Score));
        w.WriteNumber("alerts", s.Alerts);
        w.WriteEndObject();
    }

    public static void WriteDeadLetter(Utf8JsonWriter w, DeadLetter d)
    {
        w.WriteStartObject();
        w.WriteString("reason", d.Reason.Code());
        w.WriteString("detail", d.Detail);
        w.WriteString("source", d.Source);
        w.WriteBase64String("original_base64", d.Original.Span);
        w.WriteEndObject();
    }

    public static void WriteTime(Utf8JsonWriter w, string name, EventTime time)
    {
        Span<byte> buffer = stackalloc byte[Rfc3339.MaxFormattedLength];
        int n = Rfc3339.Format(time, buffer);
        w.WriteString(name, buffer[..n]);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
