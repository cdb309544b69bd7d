using Detector.Domain.Time;

namespace Detector.Domain.Outputs;

/// <summary>One event of an alert's evidence chain and what about it deviated.</summary>
public sealed record EvidenceStep(string EventId, EventTime Time, string Tool, string Action, string Note);
