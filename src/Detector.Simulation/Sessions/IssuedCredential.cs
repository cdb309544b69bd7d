using Detector.Domain.Time;

namespace Detector.Simulation.Sessions;

/// <summary>A short-lived credential as issued to one session.</summary>
internal sealed class IssuedCredential(string id, int agentIndex, string sessionId, EventTime issuedAt, EventTime expiresAt)
{
    public string Id { get; } = id;

    public int AgentIndex { get; } = agentIndex;

    public string SessionId { get; } = sessionId;

    public EventTime IssuedAt { get; } = issuedAt;

    public EventTime ExpiresAt { get; } = expiresAt;

    /// <summary>Set when the owning session has emitted its last event.</summary>
    public EventTime? SessionEnd { get; set; }
}
