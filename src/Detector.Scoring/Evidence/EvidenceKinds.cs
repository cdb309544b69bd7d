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

    public const int FamilyCount = 14;

    /// <summary>
    /// Kinds that measure the same thing from different angles share a family (a new tool also makes
    /// for a rare transition); fusion takes one calibrated p-value per family, so correlated kinds
    /// corroborate instead of multiplying. Kinds that benign work produces independently (a retry storm
    /// fails a lot without running long; a runaway loop does both) stay apart, so each is calibrated on
    /// its own benign tail. Persisted with model calibrations: append, never renumber.
    /// </summary>
    public static int Family(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.NewTool or EvidenceKind.NewAction or EvidenceKind.NewResource or EvidenceKind.NewDestination
            or EvidenceKind.NewArgumentValue => 0,
        EvidenceKind.RareTransition or EvidenceKind.SessionLikelihood => 1,
        EvidenceKind.RateSpike or EvidenceKind.RateShift or EvidenceKind.MixDrift => 2,
        EvidenceKind.SensitiveExfiltration => 3,
        EvidenceKind.PrivilegeRun => 4,
        EvidenceKind.NewTenant or EvidenceKind.CrossTenant => 5,
        EvidenceKind.DelegationOutOfIntent => 6,
        EvidenceKind.CredentialMisuse => 7,
        EvidenceKind.SessionVolume => 9,
        EvidenceKind.ErrorBurst => 10,
        EvidenceKind.SensitiveReadBurst => 11,
        EvidenceKind.TransferVolume => 12,
        EvidenceKind.DestinationDrift => 13,
        _ => 8,
    };

    /// <summary>Chains of steps that each may look normal: the escalation detectors' kinds.</summary>
    public static bool IsChain(this EvidenceKind kind) => kind is EvidenceKind.SensitiveExfiltration or EvidenceKind.PrivilegeRun
        or EvidenceKind.CrossTenant or EvidenceKind.DelegationOutOfIntent or EvidenceKind.CredentialMisuse
        or EvidenceKind.DestinationDrift or EvidenceKind.PolicyRule;
}
