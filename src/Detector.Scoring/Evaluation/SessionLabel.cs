namespace Detector.Scoring.Evaluation;

/// <summary>Ground truth for one test session (labels.jsonl).</summary>
public sealed record SessionLabel(string SessionId, string AgentId, bool IsMalicious, string Scenario, string? FinalEventId);
