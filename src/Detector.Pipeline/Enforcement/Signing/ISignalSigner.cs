using Detector.Domain.Outputs;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>Adds the signature attribute to a quarantine signal (the signing step before the broker topic).</summary>
public interface ISignalSigner
{
    QuarantineSignal Sign(QuarantineSignal signal);
}
