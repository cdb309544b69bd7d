using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sources;

namespace Detector.Pipeline.Stages;

/// <summary>Parses an item's bytes into its event; a reject becomes a completion carrying the dead letter.</summary>
public sealed class ParseStep(IngestLimits limits, ToolCatalog catalog, IRecordOrigin source)
{
    private readonly ToolEventParser _parser = new(limits, catalog);

    /// <summary>True when the event parsed; otherwise <paramref name="rejected"/> holds the dead letter.</summary>
    public bool TryParse(PipelineItem item, out Completion rejected)
    {
        var result = _parser.Parse(item.Bytes, item.Event);
        if (result.IsAccepted)
        {
            rejected = default;
            return true;
        }
        rejected = Reject(item, result, source);
        return false;
    }

    internal static Completion Reject(PipelineItem item, ParseResult result, IRecordOrigin source) => new()
    {
        Sequence = item.Sequence,
        Position = item.Position,
        Disposition = result.Reason == RejectReason.Duplicate ? Disposition.Duplicate : Disposition.Rejected,
        Reason = result.Reason,
        DeadLetter = result.Reason.IsDeadLettered()
            ? new DeadLetter(result.Reason, result.Describe(), source.Describe(item.Position), item.Memory.ToArray())
            : null,
        EventTime = item.Event.Time,
        ProducedTime = item.ProducedTime,
        ConsumedTime = item.ConsumedTime,
    };
}
