namespace Detector.Scoring.Evidence;

/// <summary>Names and families of <see cref="EvidenceKind"/>.</summary>
public static class EvidenceKinds
{
    public const int Count = (int)EvidenceKind.PolicyRule + 1;

    private static readonly string[] Names =
    [
        "new_tool", "new_action", "new_resource", "new_destination", "new_tenant", "new_argument_value",
        "rare_transition", "session_likelihood", "rate_spike", "rate_shift", "error_burst", "mix_drift",
        "session_volume", "sensitive_exfiltration", "privilege_run", "cross_tenant", "delegation_out_of_intent",
        "credential_misuse", "destination_drift", "policy_rule",
    ];

    public static string WireName(this EvidenceKind kind) => Names[(int)kind];

    /// <summary>Chains of steps that each may look normal: the escalation detectors' kinds.</summary>
    public static bool IsChain(this EvidenceKind kind) => kind is EvidenceKind.SensitiveExfiltration or EvidenceKind.PrivilegeRun
        or EvidenceKind.CrossTenant or EvidenceKind.DelegationOutOfIntent or EvidenceKind.CredentialMisuse
        or EvidenceKind.DestinationDrift or EvidenceKind.PolicyRule;
}
