using Detector.Simulation.Catalog;
using Detector.Simulation.Randomness;
using static System.FormattableString;

namespace Detector.Simulation.Naming;

/// <summary>
/// SPIFFE IDs in a mix of naming schemes, as real fleets grow them: some readable, some namespaced,
/// some opaque. Aliases and namespaces overlap between roles, so an id never reliably names the role.
/// </summary>
internal static class AgentIdForge
{
    private const string TrustDomain = "corp.example";
    private static readonly string[] Regions = ["eu", "us", "ap"];

    public static string Make(RoleSpec role, Rng rng)
    {
        string alias = rng.Pick(role.Aliases);
        return rng.Below(4) switch
        {
            0 => Invariant($"spiffe://{TrustDomain}/agent/{alias}-{rng.Between(1, 40):00}"),
            1 => Invariant($"spiffe://{TrustDomain}/ns/{rng.Pick(role.Namespaces)}/sa/{alias}-bot-{rng.Between(1, 9)}"),
            2 => Invariant($"spiffe://{TrustDomain}/workload/{WordForge.Word(rng, 1, 2)}-{rng.Hex(4)}"),
            _ => Invariant($"spiffe://{rng.Pick(Regions)}.{TrustDomain}/ns/{rng.Pick(role.Namespaces)}/sa/{WordForge.Word(rng, 1, 2)}-{alias}"),
        };
    }
}
