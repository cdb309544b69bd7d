using Detector.Domain.Time;

namespace Detector.Scoring.Evidence;

/// <summary>An event that carried evidence in a session, with the finding that made it count.</summary>
public readonly record struct EvidenceStepRecord(string EventId, EventTime Time, string Tool, string Action, int Step, Finding Finding);
