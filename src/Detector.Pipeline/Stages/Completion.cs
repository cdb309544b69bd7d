using Detector.Domain.Identity;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;

namespace Detector.Pipeline.Stages;

/// <summary>
/// Everything one input record caused, handed to the sinks in input order. Exactly one per record,
/// so the emitter can order outputs and a Kafka source can commit an offset once all before it are done.
/// </summary>
public readonly record struct Completion
{
    public long Sequence { get; init; }
    public RecordPosition Position { get; init; }
    public Disposition Disposition { get; init; }
    public RejectReason Reason { get; init; }
    public DeadLetter? DeadLetter { get; init; }
    public IReadOnlyList<Alert> Alerts { get; init; }
    public IReadOnlyList<QuarantineSignal> Signals { get; init; }
    public SessionKey Session { get; init; }
    public double SessionRisk { get; init; }
    public EventTime EventTime { get; init; }

    /// <summary>When the input record was produced (its Kafka timestamp); null in replay.</summary>
    public EventTime? ProducedTime { get; init; }

    /// <summary>When the worker took the input record from its consumer; null in replay.</summary>
    public EventTime? ConsumedTime { get; init; }

    /// <summary>Where sinks report durable delivery of this record's outputs; null when nothing waits for it (replay).</summary>
    public IDeliveryTracker? Delivery { get; init; }

    public Completion()
    {
        Alerts = [];
        Signals = [];
    }
}
