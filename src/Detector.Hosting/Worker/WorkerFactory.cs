using Detector.Kafka.Outputs;
using Detector.Kafka.Processing;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Scoring.Model;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>Builds the Kafka worker from validated settings: the model, the signing step, the options.</summary>
public static class WorkerFactory
{
    public static KafkaWorker Create(WorkerSettings settings, DetectorModel? model, IOutcomeSink? observer, IScoredEventTap? tap,
        TimeProvider clock, ILoggerFactory loggers, KafkaMetrics metrics, IOutputDeliveryObserver? deliveries = null, DetectorMetrics? instruments = null)
    {
        var d = settings.Detector;
        var setup = new WorkerSetup(
            settings.Kafka,
            d.Pipeline,
            d.Engine,
            d.Quarantine,
            d.BuildCatalog(),
            model ?? (settings.Model is null ? DetectorModel.Empty : ModelStore.Load(settings.Model)),
            Signers.SignerFor(settings.Signing));
        return new KafkaWorker(setup, observer, tap, clock, loggers, metrics) { Deliveries = deliveries, Instruments = instruments };
    }
}
