using Detector.Pipeline.Enforcement;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;

namespace Detector.Pipeline.Tests.Support;

/// <summary>Everything a test run is configured with; defaults are the shipped ones and an untrained model.</summary>
internal sealed class RunSettings
{
    public PipelineOptions Pipeline { get; init; } = new();

    public EngineOptions Engine { get; init; } = new();

    public QuarantineOptions Quarantine { get; init; } = new();

    public DetectorModel Model { get; init; } = DetectorModel.Empty;

    /// <summary>The worker's arrival clock; null runs as replay does (event time drives everything).</summary>
    public TimeProvider? WallClock { get; init; }

    public PipelineKind Kind { get; init; } = PipelineKind.Channel;

    /// <summary>Name of the input, as dead-letter sources show it.</summary>
    public string SourceName { get; init; } = "events.jsonl";
}
