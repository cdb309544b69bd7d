using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Detector.Domain.Identity;

namespace Detector.Hosting.Export;

/// <summary>A line of `replay --scores` (docs/schemas/session-score.schema.json): the highest risk a session reached and its alert count.</summary>
public sealed record HistoryScore(SessionKey Session, double Score, int Alerts)
{
    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out HistoryScore? score)
    {
        score = JsonFields.TryString(root, "agent_id", out string? agent) && JsonFields.TryString(root, "session_id", out string? session)
            && JsonFields.TryNumber(root, "score", out double value) && JsonFields.TryInt(root, "alerts", out int alerts)
            ? new HistoryScore(new SessionKey(new AgentId(agent), new SessionId(session)), value, alerts)
            : null;
        return score is not null;
    }
}
