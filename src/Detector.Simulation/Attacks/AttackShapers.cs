using Detector.Simulation.Schedule;

namespace Detector.Simulation.Attacks;

/// <summary>The shaper of each scenario.</summary>
internal static class AttackShapers
{
    private static readonly IAttackShaper[] All =
    [
        new ExfiltrationChain(),
        new PrivilegeEscalation(),
        new ScopeDrift(),
        new RunawayLoop(),
        new CredentialMisuse(),
        new DelegationLaundering(),
        new SlowPoisoning(),
    ];

    public static IAttackShaper For(AttackKind kind) => All.First(s => s.Kind == kind);
}
