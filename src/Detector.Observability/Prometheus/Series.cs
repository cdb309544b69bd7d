namespace Detector.Observability.Prometheus;

/// <summary>
/// One labelled series of a metric family. Written by any recording thread with interlocked updates
/// (no locks), read by the scrape. A histogram's +Inf bucket and count are both derived from the bucket
/// counts at scrape time, so they always agree even while measurements arrive.
/// </summary>
internal sealed class Series(LabelSet labels, int buckets)
{
    private readonly long[] _buckets = new long[buckets];
    private double _value;

    public LabelSet Labels => labels;

    /// <summary>The collection an observable instrument last reported this series in.</summary>
    public long Generation { get; set; }

    public double Value => Volatile.Read(ref _value);

    public long BucketCount(int index) => Volatile.Read(ref _buckets[index]);

    public void Add(double delta)
    {
        double seen = Volatile.Read(ref _value);
        while (true)
        {
            double actual = Interlocked.CompareExchange(ref _value, seen + delta, seen);
            if (actual.Equals(seen))
                return;
            seen = actual;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    /// <summary>Counts the value in the first bucket whose upper bound is at least it (le is inclusive); the last slot is +Inf.</summary>
    public void Observe(double value, double[] bounds)
    {
        int i = Array.BinarySearch(bounds, value);
        Interlocked.Increment(ref _buckets[i < 0 ? ~i : i]);
        Add(value);
    }
}
