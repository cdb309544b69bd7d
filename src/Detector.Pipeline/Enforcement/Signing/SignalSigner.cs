using Detector.Domain.Outputs;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>Signs signals with the key ring's active key: a detached JWS over the signal's canonical form.</summary>
public sealed class SignalSigner(KeyRing keys) : ISignalSigner
{
    private readonly IJwsKey _key = keys.Active;

    public QuarantineSignal Sign(QuarantineSignal signal) =>
        signal with { Signature = DetachedJws.Sign(_key, SignalCanonicalForm.Of(signal)) };
}
