using Detector.Hosting.Surfaces;
using Detector.Kafka.Outputs;
using Detector.Kafka.Processing;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Sinks;
using Detector.Scoring.Model;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>Builds the Kafka worker from validated settings: the model, the signing step, the options.</summary>
public static class WorkerFactory
{
    /// <param name="observer">Sees every completion after the worker emitted it (summaries, live printers).</param>
    /// <param name="surfaces">Instruments and the dashboard around the outputs; null: the worker alone (tests, bench).</param>
    public static KafkaWorker Create(WorkerSettings settings, DetectorModel model, IOutcomeSink? observer, TimeProvider clock, ILoggerFactory loggers,
        KafkaMetrics metrics, WorkerSurfaces? surfaces = null, IOutputDeliveryObserver? deliveries = null)
    {
        var d = settings.Detector;
        var setup = new WorkerSetup(settings.Kafka, d.Pipeline, d.Engine, d.Quarantine, d.BuildCatalog(), model, Signers.SignerFor(settings.Signing));
        var worker = new KafkaWorker(setup, observer, clock, loggers, metrics)
        {
            Deliveries = deliveries,
            Instruments = surfaces?.Instruments,
            Outputs = surfaces?.Outputs,
        };
        surfaces?.Control(worker);
        return worker;
    }

    /// <summary>The configured model directory, or the empty model that learns online.</summary>
    public static DetectorModel LoadModel(WorkerSettings settings) => settings.Model is null ? DetectorModel.Empty : ModelStore.Load(settings.Model);
}
