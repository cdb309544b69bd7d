using Detector.Pipeline.Records;

namespace Detector.Pipeline.Sources;

/// <summary>Feeds raw records into the pipeline in input order.</summary>
public interface IRecordSource : IRecordOrigin
{
    /// <summary>
    /// Fills the next item (bytes, position) and returns true, or false at the end of the input.
    /// May block waiting for data; honours cancellation.
    /// </summary>
    ValueTask<bool> ReadAsync(PipelineItem item, CancellationToken cancellationToken);
}
