using Detector.Hosting.Worker;
using Detector.Kafka.Processing;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Sinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Kafka.Tests.Support;

/// <summary>A worker running in the test process until stopped (gracefully: drain, checkpoint, commit).</summary>
internal sealed class WorkerRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private WorkerRun(KafkaWorker worker, KafkaMetrics metrics)
    {
        Worker = worker;
        Metrics = metrics;
        _run = worker.RunAsync(_stop.Token);
    }

    public KafkaWorker Worker { get; }

    public KafkaMetrics Metrics { get; }

    public static async Task<WorkerRun> StartAsync(WorkerSettings settings, TestFleet fleet, IOutcomeSink? observer = null, ILoggerFactory? loggers = null)
    {
        settings.ValidateForWorker();
        var metrics = new KafkaMetrics();
        var worker = WorkerFactory.Create(settings, fleet.Model, observer, TimeProvider.System, loggers ?? NullLoggerFactory.Instance, metrics);
        var run = new WorkerRun(worker, metrics);
        await worker.Started.WaitAsync(TimeSpan.FromSeconds(60));
        return run;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
            await StopAsync();
        Metrics.Dispose();
        _stop.Dispose();
    }
}
