namespace Detector.Scoring.Evidence;

/// <summary>Names and families of <see cref="EvidenceKind"/>.</summary>
public static class EvidenceKinds
{
    public const int Count = (int)EvidenceKind.SensitiveReadBurst + 1;

    private static readonly string[] Names =
    [
        "new_tool", "new_action", "new_resource", "new_destination", "new_tenant", "new_argument_value",
        "rare_transition", "session_likelihood", "rate_spike", "rate_shift", "error_burst", "mix_drift",
        "session_volume", "sensitive_exfiltration", "privilege_run", "cross_tenant", "delegation_out_of_intent",
        "credential_misuse", "destination_drift", "policy_rule", "transfer_volume", "sensitive_read_burst",
    ];

    public static string WireName(this EvidenceKind kind) => Names[(int)kind];

    public const int FamilyCount = 9;

    /// <summary>
    /// Kinds that measure the same thing from different angles share a family (a new tool also makes
    /// for a rare transition; a burst of failures also makes a long session). Fusion takes one
    /// p-value per family, so correlated kinds corroborate instead of multiplying.
    /// </summary>
    public static int Family(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.NewTool or EvidenceKind.NewAction or EvidenceKind.NewResource or EvidenceKind.NewDestination
            or EvidenceKind.NewArgumentValue => 0,
        EvidenceKind.RareTransition or EvidenceKind.SessionLikelihood => 1,
        EvidenceKind.RateSpike or EvidenceKind.RateShift or EvidenceKind.SessionVolume or EvidenceKind.ErrorBurst => 2,
        EvidenceKind.SensitiveExfiltration or EvidenceKind.SensitiveReadBurst or EvidenceKind.TransferVolume
            or EvidenceKind.DestinationDrift or EvidenceKind.MixDrift => 3,
        EvidenceKind.PrivilegeRun => 4,
        EvidenceKind.NewTenant or EvidenceKind.CrossTenant => 5,
        EvidenceKind.DelegationOutOfIntent => 6,
        EvidenceKind.CredentialMisuse => 7,
        _ => 8,
    };

    /// <summary>Chains of steps that each may look normal: the escalation detectors' kinds.</summary>
    public static bool IsChain(this EvidenceKind kind) => kind is EvidenceKind.SensitiveExfiltration or EvidenceKind.PrivilegeRun
        or EvidenceKind.CrossTenant or EvidenceKind.DelegationOutOfIntent or EvidenceKind.CredentialMisuse
        or EvidenceKind.DestinationDrift or EvidenceKind.PolicyRule;
}
