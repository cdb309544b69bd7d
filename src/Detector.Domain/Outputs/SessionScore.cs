using Detector.Domain.Identity;

namespace Detector.Domain.Outputs;

/// <summary>The highest risk a session reached, and how many alerts it raised.</summary>
public sealed record SessionScore(SessionId Session, AgentId Agent, double Score, int Alerts);
