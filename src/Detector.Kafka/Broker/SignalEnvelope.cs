using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Kafka.Broker;

/// <summary>The fields of a received quarantine signal the broker decides on.</summary>
public sealed record SignalEnvelope(string Id, string Source, string Agent, QuarantineAction Action, EventTime ExpiresAt, IReadOnlyList<string> CredentialIds)
{
    /// <summary>De-duplication key: CloudEvents ids are unique per source (CloudEvents 1.0, "id").</summary>
    public string Key => Source + " " + Id;

    public static bool TryParse(ReadOnlySpan<byte> json, out SignalEnvelope envelope)
    {
        envelope = null!;
        try
        {
            var reader = new Utf8JsonReader(json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != QuarantineSignal.EventType
                || Text(root, "id") is not { Length: > 0 } id || Text(root, "source") is not { Length: > 0 } source
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || Text(data, "agent_id") is not { Length: > 0 } agent
                || Text(data, "action") is not { } action || !OutputEnums.TryParseAction(action, out var parsedAction)
                || Text(data, "expires_at") is not { } expires
                || !data.TryGetProperty("credential_ids", out var credentials) || credentials.ValueKind != JsonValueKind.Array)
                return false;
            var ids = new List<string>();
            foreach (var c in credentials.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.String)
                    ids.Add(c.GetString()!);
            }
            envelope = new SignalEnvelope(id, source, agent, parsedAction, EventTime.Parse(expires), ids);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
