using Detector.Simulation.Catalog;

namespace Detector.Simulation.Fleet;

/// <summary>What the agents of one role share: their pools, the humans who sponsor them and common destinations.</summary>
internal sealed record TeamSetup(RoleSpec Role, AgentPools Pools, IReadOnlyList<string> Sponsors, IReadOnlyDictionary<DestinationKind, string[]> Destinations);
