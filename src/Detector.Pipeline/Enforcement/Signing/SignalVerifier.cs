namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>Checks the signature attribute of received signal JSON against the configured keys.</summary>
public sealed class SignalVerifier(KeyRing keys)
{
    public SignatureCheck Check(ReadOnlySpan<byte> signalJson)
    {
        if (!SignalCanonicalForm.TryOf(signalJson, out byte[] canonical, out string? signature))
            return SignatureCheck.Malformed;
        if (signature is null)
            return SignatureCheck.Missing;
        return DetachedJws.Verify(keys, signature, canonical);
    }
}
