using Detector.Domain.Time;

namespace Detector.Simulation.Output;

/// <summary>Ground truth for one test session.</summary>
internal sealed record LabelRecord(string SessionId, string AgentId, bool Malicious, string Scenario, string? FinalEventId, EventTime Start);
