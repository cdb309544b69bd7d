using System.Runtime;

namespace Detector.Cli.Commands;

/// <summary>
/// The garbage collector's mode per verb. The runtime config turns background collection on; batch
/// verbs (replay, train, evaluate, bench) switch it off for throughput, and the verbs that serve a
/// stream (run, demo, broker, bench kafka) ask for sustained low latency, so no blocking full
/// collection (tens of milliseconds on a large heap) stalls the events in flight.
/// </summary>
internal static class CollectorMode
{
    public static void ForThroughput() => GCSettings.LatencyMode = GCLatencyMode.Batch;

    public static void ForLatency() => GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
}
