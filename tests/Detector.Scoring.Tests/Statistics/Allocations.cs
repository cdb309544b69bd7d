namespace Detector.Scoring.Tests.Statistics;

/// <summary>
/// Counts managed bytes allocated on this thread by repeated calls, after one warm-up call (JIT, lazy
/// statics). The least of three measurements is returned: code that allocates does so in every one,
/// while the runtime's own one-off work on the thread (a tier-up, a resized internal table) lands in
/// one measurement only.
/// </summary>
internal static class Allocations
{
    private const int Attempts = 3;

    public static long Of(Action action, int repetitions = 1000)
    {
        action();
        long least = long.MaxValue;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < repetitions; i++)
                action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
