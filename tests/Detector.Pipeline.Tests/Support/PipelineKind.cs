namespace Detector.Pipeline.Tests.Support;

/// <summary>The two drivers of one <see cref="PipelineGraph"/>: the replay/worker stages and the single-thread bench path.</summary>
public enum PipelineKind
{
    Inline,
    Channel,
}
