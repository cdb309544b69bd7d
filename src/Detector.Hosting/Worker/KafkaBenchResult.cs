namespace Detector.Hosting.Worker;

/// <summary>What `bench kafka` measured over its recording window (after warm-up).</summary>
public sealed record KafkaBenchResult(
    double OfferedRate,
    double EventsPerSecond,
    long Events,
    long Alerts,
    long Signals,
    (double Milliseconds, int Samples) AlertP50,
    (double Milliseconds, int Samples) AlertP99,
    (double Milliseconds, int Samples) SignalP50,
    (double Milliseconds, int Samples) SignalP99,
    (double Milliseconds, int Samples) WorkerAlertP50,
    (double Milliseconds, int Samples) WorkerAlertP99,
    long LagAtEnd,
    long Pauses,
    TimeSpan Window,
    int Collections,
    TimeSpan CollectionPauses);
