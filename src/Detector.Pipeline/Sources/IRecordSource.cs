using Detector.Pipeline.Records;

namespace Detector.Pipeline.Sources;

/// <summary>Feeds raw records into the pipeline in input order.</summary>
public interface IRecordSource
{
    /// <summary>A name for dead-letter records and logs, e.g. the file path or topic.</summary>
    string Name { get; }

    /// <summary>
    /// Fills the next item (bytes, position) and returns true, or false at the end of the input.
    /// May block waiting for data; honours cancellation.
    /// </summary>
    ValueTask<bool> ReadAsync(PipelineItem item, CancellationToken cancellationToken);

    /// <summary>A human-readable location of a record, e.g. "events.jsonl:12".</summary>
    string Describe(RecordPosition position);
}
