namespace Detector.Pipeline.Sinks;

/// <summary>
/// The acknowledgement path from sinks back to the input: a sink that writes a record's output to a
/// durable destination asks for a receipt first and completes it when the destination acknowledges.
/// The input side (a Kafka partition) commits an offset only when every receipt before it is complete.
/// Null on a completion whose input needs no acknowledgement (replay).
/// </summary>
public interface IDeliveryTracker
{
    /// <summary>One more output of the record at <paramref name="offset"/> is on its way. Called on the emit thread.</summary>
    IDeliveryReceipt Expect(long offset);

    /// <summary>Every sink has seen the record at <paramref name="offset"/>: no more receipts will be asked for it.</summary>
    void Emitted(long offset);
}
