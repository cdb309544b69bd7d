namespace Detector.Simulation.Schedule;

/// <summary>The attack scenarios. Wire names are in <see cref="Scenarios"/>.</summary>
internal enum AttackKind : byte
{
    ExfiltrationChain = 0,
    PrivilegeEscalation = 1,
    ScopeDrift = 2,
    RunawayLoop = 3,
    CredentialMisuse = 4,
    DelegationLaundering = 5,
    SlowPoisoning = 6,
}
