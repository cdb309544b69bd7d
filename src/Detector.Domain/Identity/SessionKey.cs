namespace Detector.Domain.Identity;

/// <summary>Sessions are scoped to their agent: two agents may reuse a session id without sharing state.</summary>
public readonly record struct SessionKey(AgentId Agent, SessionId Session);
