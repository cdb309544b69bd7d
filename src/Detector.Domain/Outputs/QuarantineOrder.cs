using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Domain.Outputs;

/// <summary>The <c>data</c> of a quarantine signal: what the credential broker must do, to whom, until when.</summary>
public sealed record QuarantineOrder(
    AgentId Agent,
    SessionId Session,
    QuarantineAction Action,
    IReadOnlyList<string> CredentialIds,
    IReadOnlyList<string> AlertIds,
    Severity Severity,
    string Reason,
    EventTime ExpiresAt,
    string ModelVersion);
