using Detector.Domain.Time;

namespace Detector.Simulation.Sessions;

/// <summary>What emitting a session produced: when it ended and the event id of its damaging step, if any.</summary>
internal readonly record struct SessionResult(EventTime End, string? FinalEventId);
