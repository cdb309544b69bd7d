using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;

namespace Detector.Hosting.Export;

/// <summary>
/// What the export takes from an alert (docs/schemas/alert.schema.json), read from `replay --alerts`
/// or from the copy a verdict keeps: its id, session, kind, severity, risk and features.
/// </summary>
public sealed record HistoryAlert(string AlertId, SessionKey Session, string Kind, Severity Severity, double Score, IReadOnlyList<Feature> Features)
{
    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out HistoryAlert? alert)
    {
        alert = null;
        if (!JsonFields.TryString(root, "alert_id", out string? id) || !JsonFields.TryString(root, "agent_id", out string? agent)
            || !JsonFields.TryString(root, "session_id", out string? session) || !JsonFields.TryString(root, "kind", out string? kind)
            || !JsonFields.TryString(root, "severity", out string? severityName) || !OutputEnums.TryParseSeverity(severityName, out var severity)
            || !JsonFields.TryNumber(root, "score", out double score)
            || !root.TryGetProperty("features", out var featureObject) || featureObject.ValueKind != JsonValueKind.Object)
            return false;
        var features = new List<Feature>();
        foreach (var f in featureObject.EnumerateObject())
        {
            if (f.Value.ValueKind != JsonValueKind.Number || !f.Value.TryGetDouble(out double value))
                return false;
            features.Add(new Feature(f.Name, value));
        }
        alert = new HistoryAlert(id, new SessionKey(new AgentId(agent), new SessionId(session)), kind, severity, score, features);
        return true;
    }
}
