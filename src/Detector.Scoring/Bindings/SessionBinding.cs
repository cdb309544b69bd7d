using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>A session as other agents' detectors see it: its agent's group, its intent, the tenant it started in, and when it was last active.</summary>
public sealed record SessionBinding(SessionKey Session, int Group, string? Intent, string? Tenant, EventTime Start, EventTime LastSeen);
