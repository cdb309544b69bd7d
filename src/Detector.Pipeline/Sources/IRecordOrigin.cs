using Detector.Pipeline.Records;

namespace Detector.Pipeline.Sources;

/// <summary>Names where records come from, for dead letters and logs (a file, a topic).</summary>
public interface IRecordOrigin
{
    /// <summary>A name for dead-letter records and logs, e.g. the file path or topic.</summary>
    string Name { get; }

    /// <summary>A human-readable location of a record, e.g. "events.jsonl:12" or "topic/3@1200".</summary>
    string Describe(RecordPosition position);
}
