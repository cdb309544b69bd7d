namespace Detector.Pipeline.Sinks;

/// <summary>One output in flight; completed once, from any thread (e.g. a producer's delivery callback).</summary>
public interface IDeliveryReceipt
{
    void Delivered();

    /// <summary>The destination refused the output for good; the record's offset must never be committed.</summary>
    void Failed(string reason);
}
