using Detector.Domain.Events;
using Detector.Pipeline;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;

namespace Detector.Kafka.Processing;

/// <summary>Everything the worker is configured with, validated by the composition root before it starts.</summary>
public sealed record WorkerSetup(
    KafkaOptions Kafka,
    PipelineOptions Pipeline,
    EngineOptions Engine,
    QuarantineOptions Quarantine,
    ToolCatalog Catalog,
    DetectorModel Model,
    ISignalSigner? Signer);
