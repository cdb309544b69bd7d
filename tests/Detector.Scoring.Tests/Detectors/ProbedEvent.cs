using Detector.Domain.Identity;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// What the detector under test made of one event: its findings, the findings of scoring the same
/// event again without learning (when asked), and whether scoring left the agent's and the peer
/// groups' baselines byte-identical (when asked).
/// </summary>
internal sealed record ProbedEvent(string EventId, SessionKey Session, Finding[] Findings, Finding[]? Repeated, bool? BaselinesKept);
