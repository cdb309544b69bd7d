namespace Detector.Scoring.Tests.Statistics;

/// <summary>Counts managed bytes allocated on this thread by repeated calls, after one warm-up call (JIT, lazy statics).</summary>
internal static class Allocations
{
    public static long Of(Action action, int repetitions = 1000)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < repetitions; i++)
            action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
