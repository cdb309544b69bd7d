namespace Detector.Scoring.Statistics;

/// <summary>
/// A bounded set of 64-bit keys (stable hashes of destinations, tools, argument values) with a use
/// count and last-seen tick each, for first-seen novelty: "has this agent ever touched this before?"
/// in fixed memory. When there is no room the stalest key is evicted, so what an agent uses often or
/// recently stays remembered.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, at most <c>probeLimit</c> slots per key: a key lives in one of
/// the <c>probeLimit</c> slots after its home slot. A new key takes the first free one; if all are
/// taken, the one there with the oldest tick (then the lowest count) is evicted, which approximates
/// least-recently-used over the whole table (exactly LRU when probeLimit equals capacity) at O(probeLimit)
/// per operation. Nothing is ever removed except by replacement, so a probe may stop at the first empty slot.
/// False novelty: an evicted key seen again is reported as new. That happens only once the key's
/// probe window is full, to keys idle longer than every neighbour in the window; <see cref="Evictions"/>
/// counts the exposure. Memory: 16 bytes a slot (64 slots: 1 KB).
/// Ticks are the caller's coarse clock (e.g. minutes since the Unix epoch); only their order matters.
/// </remarks>
public sealed class SeenSet : IBinarySerializable<SeenSet>
{
    private const byte FormatVersion = 1;

    private readonly Entry[] _slots;
    private readonly int _probeLimit;
    private int _count;
    private long _evictions;

    /// <param name="capacity">Slots, a power of two.</param>
    /// <param name="probeLimit">Slots a key may occupy, from its home slot on (at most capacity).</param>
    public SeenSet(int capacity = 64, int probeLimit = 8)
    {
        Guard.PowerOfTwo(capacity, nameof(capacity));
        Guard.InRange(capacity, 1, 1 << 24, nameof(capacity));
        Guard.InRange(probeLimit, 1, capacity, nameof(probeLimit));
        _slots = new Entry[capacity];
        _probeLimit = probeLimit;
    }

    public int Capacity => _slots.Length;

    public int Count => _count;

    /// <summary>Keys dropped to make room; each is a possible false novelty later.</summary>
    public long Evictions => _evictions;

    /// <summary>Records a use of <paramref name="key"/> at <paramref name="tick"/>; true if it was not in the set.</summary>
    public bool Observe(ulong key, uint tick)
    {
        int mask = _slots.Length - 1;
        int home = Home(key);
        int victim = home;
        for (int i = 0; i < _probeLimit; i++)
        {
            ref var slot = ref _slots[(home + i) & mask];
            if (slot.Count == 0)
            {
                slot = new Entry { Key = key, Count = 1, LastSeen = tick };
                _count++;
                return true;
            }
            if (slot.Key == key)
            {
                if (slot.Count < uint.MaxValue)
                    slot.Count++;
                slot.LastSeen = Math.Max(slot.LastSeen, tick);
                return false;
            }
            ref var worst = ref _slots[victim];
            if (slot.LastSeen < worst.LastSeen || (slot.LastSeen == worst.LastSeen && slot.Count < worst.Count))
                victim = (home + i) & mask;
        }
        _slots[victim] = new Entry { Key = key, Count = 1, LastSeen = tick };
        _evictions++;
        return true;
    }

    /// <summary>Uses recorded for <paramref name="key"/> while it has been in the set; 0 if absent.</summary>
    public uint CountOf(ulong key)
    {
        int mask = _slots.Length - 1;
        int home = Home(key);
        for (int i = 0; i < _probeLimit; i++)
        {
            ref readonly var slot = ref _slots[(home + i) & mask];
            if (slot.Count == 0)
                return 0;
            if (slot.Key == key)
                return slot.Count;
        }
        return 0;
    }

    /// <summary>The keys held, with their use counts, in slot order (for training and group matching, not the hot path).</summary>
    public IEnumerable<(ulong Key, uint Count)> Entries()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Count > 0)
                yield return (_slots[i].Key, _slots[i].Count);
        }
    }

    // Remixed so that keys which are not well-spread hashes (small integers) still spread over the table.
    private int Home(ulong key) => (int)(SplitMix64.Mix(key) & (ulong)(_slots.Length - 1));

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.SeenSet, FormatVersion);
        writer.Write(_slots.Length);
        writer.Write(_probeLimit);
        writer.Write(_evictions);
        // Occupied slots only, with their positions: a per-agent set is usually far from full.
        writer.Write(_count);
        for (int i = 0; i < _slots.Length; i++)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Count == 0)
                continue;
            writer.Write(i);
            writer.Write(slot.Key);
            writer.Write(slot.Count);
            writer.Write(slot.LastSeen);
        }
    }

    public static SeenSet Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.SeenSet, FormatVersion);
        int capacity = reader.ReadInt32();
        int probeLimit = reader.ReadInt32();
        if (capacity <= 0 || capacity > 1 << 24 || (capacity & (capacity - 1)) != 0 || probeLimit < 1 || probeLimit > capacity)
            StateFormat.Fail($"seen-set shape {capacity} slots, probe limit {probeLimit} is invalid");
        var set = new SeenSet(capacity, probeLimit);
        set._evictions = reader.ReadInt64();
        if (set._evictions < 0)
            StateFormat.Fail("negative eviction count");
        int count = StateFormat.ReadInt32(reader, "count", 0, capacity);
        for (int n = 0; n < count; n++)
        {
            int i = StateFormat.ReadInt32(reader, "slot", 0, capacity - 1);
            var entry = new Entry { Key = reader.ReadUInt64(), Count = reader.ReadUInt32(), LastSeen = reader.ReadUInt32() };
            if (entry.Count == 0 || set._slots[i].Count != 0)
                StateFormat.Fail($"slot {i} is empty or repeated");
            set._slots[i] = entry;
        }
        set._count = count;
        return set;
    }

    private struct Entry
    {
        public ulong Key;
        public uint Count;
        public uint LastSeen;
    }
}
