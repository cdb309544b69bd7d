using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// A session as other agents' detectors see it: its agent's peer group, its intent, the tenant it started
/// in, and when it was last active. The group goes by name (null when unknown): group indexes are local
/// to each shard's table, which opens groups for new role names in the order its own agents bring them.
/// </summary>
public sealed record SessionBinding(SessionKey Session, string? Group, string? Intent, string? Tenant, EventTime Start, EventTime LastSeen);
