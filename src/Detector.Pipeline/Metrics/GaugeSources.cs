using System.Diagnostics.Metrics;

namespace Detector.Pipeline.Metrics;

/// <summary>
/// The readers behind one observable gauge. Components register a reader when they start and dispose
/// the registration when they stop (a revoked partition, a closed breaker), so the gauge reports only
/// what exists. Copy-on-write: collection reads a stable array without taking the lock.
/// </summary>
internal sealed class GaugeSources
{
    private readonly Lock _gate = new();
    private Func<IEnumerable<Measurement<long>>>[] _sources = [];

    public IDisposable Add(Func<IEnumerable<Measurement<long>>> source)
    {
        lock (_gate)
            _sources = [.. _sources, source];
        return new Registration(this, source);
    }

    /// <summary>Every reader's current measurements; called by the meter at collection time, not per event.</summary>
    public IEnumerable<Measurement<long>> Read()
    {
        foreach (var source in Volatile.Read(ref _sources))
        {
            foreach (var m in source())
                yield return m;
        }
    }

    private void Remove(Func<IEnumerable<Measurement<long>>> source)
    {
        lock (_gate)
            _sources = Array.FindAll(_sources, s => !ReferenceEquals(s, source));
    }

    private sealed class Registration(GaugeSources owner, Func<IEnumerable<Measurement<long>>> source) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.Remove(source);
        }
    }
}
