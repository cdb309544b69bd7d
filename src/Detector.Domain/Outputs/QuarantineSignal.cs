using Detector.Domain.Time;

namespace Detector.Domain.Outputs;

/// <summary>
/// A CloudEvents 1.0 structured-mode event carrying a <see cref="QuarantineOrder"/>. Every field is a
/// function of its cause, so a redelivered input yields the same <see cref="Id"/> and body;
/// <see cref="Signature"/> (a detached compact JWS) is added by the signing sink and is not part of that.
/// </summary>
public sealed record QuarantineSignal(string Id, string Source, EventTime Time, QuarantineOrder Data, string? Signature = null)
{
    public const string SpecVersion = "1.0";
    public const string EventType = "dev.agentdrift.quarantine.v1";
    public const string ContentType = "application/json";
    /// <summary>CloudEvents extension attribute holding the signature (lower-case alphanumerics per the spec).</summary>
    public const string SignatureAttribute = "agentdriftsig";

    public string Subject => Data.Agent.Value;
}
