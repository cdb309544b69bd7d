namespace Detector.Pipeline.Stages;

/// <summary>
/// Restores input order after shards finish out of order: completions are parked by sequence in a
/// ring sized to the most records that can be in flight, and released contiguously.
/// </summary>
public sealed class ReorderBuffer
{
    private readonly Completion[] _ring;
    private readonly bool[] _present;
    private readonly long _mask;
    private long _next;

    public ReorderBuffer(int maxInFlight, long firstSequence = 0)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(maxInFlight, 2));
        _ring = new Completion[size];
        _present = new bool[size];
        _mask = size - 1;
        _next = firstSequence;
    }

    public long NextSequence => _next;

    public void Put(Completion completion)
    {
        long seq = completion.Sequence;
        if (seq < _next || seq - _next >= _ring.Length)
            throw new InvalidOperationException($"completion {seq} is outside the reorder window [{_next}, {_next + _ring.Length})");
        long slot = seq & _mask;
        if (_present[slot])
            throw new InvalidOperationException($"completion {seq} arrived twice");
        _ring[slot] = completion;
        _present[slot] = true;
    }

    public bool TryTakeNext(out Completion completion)
    {
        long slot = _next & _mask;
        if (!_present[slot])
        {
            completion = default;
            return false;
        }
        completion = _ring[slot];
        _ring[slot] = default;
        _present[slot] = false;
        _next++;
        return true;
    }
}
