namespace Detector.Scoring.Evidence;

/// <summary>
/// What a finding is evidence of. Each kind is one test family in session fusion. Values are
/// persisted in model files (calibration per kind): never renumber.
/// </summary>
public enum EvidenceKind : byte
{
    NewTool = 0,
    NewAction = 1,
    NewResource = 2,
    NewDestination = 3,
    NewTenant = 4,
    NewArgumentValue = 5,
    RareTransition = 6,
    SessionLikelihood = 7,
    RateSpike = 8,
    RateShift = 9,
    ErrorBurst = 10,
    MixDrift = 11,
    SessionVolume = 12,
    SensitiveExfiltration = 13,
    PrivilegeRun = 14,
    CrossTenant = 15,
    DelegationOutOfIntent = 16,
    CredentialMisuse = 17,
    DestinationDrift = 18,
    PolicyRule = 19,
    TransferVolume = 20,
    SensitiveReadBurst = 21,
}
