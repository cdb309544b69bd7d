using Detector.Pipeline.Enforcement.Signing;

namespace Detector.Hosting.Worker;

/// <summary>The signing step and the verifier as configured (none when signing is off).</summary>
public static class Signers
{
    public static ISignalSigner? SignerFor(SigningOptions options) => options.Enabled ? new SignalSigner(KeyRing.Load(options)) : null;

    public static SignalVerifier? VerifierFor(SigningOptions options) => options.Enabled ? new SignalVerifier(KeyRing.Load(options)) : null;
}
