using System.Collections.Concurrent;
using Detector.Pipeline.Sinks;

namespace Detector.Kafka.Processing;

/// <summary>
/// Which offsets of one input partition have every output durably acknowledged. The emit thread
/// registers outputs (<see cref="Expect"/>) and marks records emitted; producer callbacks complete
/// receipts from their own thread; the consumer thread reads <see cref="DurableThrough"/>. Only
/// records that caused outputs get an entry, so the common record without outputs costs one write.
/// </summary>
internal sealed class PartitionProgress(int partition, Action<string> onFailure) : IDeliveryTracker
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly Action<string> _onFailure = onFailure;
    private Entry? _open;
    private long _emitted = -1;

    public int Partition { get; } = partition;

    public IDeliveryReceipt Expect(long offset)
    {
        if (_open is null || _open.Offset != offset)
        {
            _open = new Entry(this, offset);
            _entries.Enqueue(_open);
        }
        _open.Add();
        return _open;
    }

    public void Emitted(long offset)
    {
        // Seal before publishing the offset: a reader that sees the offset also sees the sealed entry.
        if (_open is { } open && open.Offset == offset)
            open.Seal();
        Volatile.Write(ref _emitted, offset + 1);
    }

    /// <summary>
    /// The offset before which every record is emitted and every output acknowledged (the next offset
    /// to commit), or -1 before the first record. Consumer thread only.
    /// </summary>
    public long DurableThrough()
    {
        long emitted = Volatile.Read(ref _emitted);
        while (_entries.TryPeek(out var head))
        {
            if (!head.IsDone)
                return Math.Min(head.Offset, emitted);
            _entries.TryDequeue(out _);
        }
        return emitted;
    }

    private sealed class Entry(PartitionProgress owner, long offset) : IDeliveryReceipt
    {
        private int _remaining;
        private volatile bool _sealed;

        public long Offset { get; } = offset;

        public bool IsDone => _sealed && Volatile.Read(ref _remaining) == 0;

        public void Add() => Interlocked.Increment(ref _remaining);

        public void Seal() => _sealed = true;

        public void Delivered() => Interlocked.Decrement(ref _remaining);

        public void Failed(string reason) =>
            owner._onFailure($"output of partition {owner.Partition} offset {Offset} was not delivered: {reason}");
    }
}
