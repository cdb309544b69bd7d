namespace Detector.Simulation.Schedule;

/// <summary>Scenario ids as written to labels.jsonl.</summary>
internal static class Scenarios
{
    public const string Normal = "normal";
    public const string RoleRollout = "role_rollout";
    public const string NewVendor = "new_vendor";
    public const string BenignDelegation = "benign_delegation";
    public const string RetryStorm = "retry_storm";
    public const string BatchBurst = "batch_burst";
    public const string LongSession = "long_session";
    public const string TenantOnboarding = "tenant_onboarding";

    /// <summary>
    /// A slow-poisoning campaign session before its final one: attacker-controlled (malicious) but its
    /// single small send is not the campaign's harmful step, so it is reported apart from `slow_poisoning`.
    /// </summary>
    public const string PoisoningDose = "slow_poisoning_dose";

    public static IReadOnlyList<AttackKind> Attacks { get; } = Enum.GetValues<AttackKind>();

    public static string WireName(this AttackKind kind) => kind switch
    {
        AttackKind.ExfiltrationChain => "exfiltration_chain",
        AttackKind.PrivilegeEscalation => "privilege_escalation",
        AttackKind.ScopeDrift => "scope_drift",
        AttackKind.RunawayLoop => "runaway_loop",
        AttackKind.CredentialMisuse => "credential_misuse",
        AttackKind.DelegationLaundering => "delegation_laundering",
        AttackKind.SlowPoisoning => "slow_poisoning",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string WireName(this BenignVariation variation) => variation switch
    {
        BenignVariation.NewVendor => NewVendor,
        BenignVariation.RetryStorm => RetryStorm,
        BenignVariation.BatchBurst => BatchBurst,
        BenignVariation.LongSession => LongSession,
        _ => Normal,
    };
}
