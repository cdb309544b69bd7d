using System.Runtime.InteropServices;

namespace Detector.Scoring.Statistics;

/// <summary>
/// A bounded set of 64-bit keys (stable hashes of destinations, tools, argument values) with a use
/// count and last-seen day each, for first-seen novelty: "has this agent ever touched this before?"
/// in memory that follows what the agent uses, up to a fixed cap. When there is no room the stalest
/// key is evicted, so what an agent uses often or recently stays remembered.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, at most <c>probeLimit</c> slots per key: a key lives in one of
/// the <c>probeLimit</c> slots after its home slot. The table starts small and doubles (rehashing)
/// when it is three-quarters full or a key's probe window is full, up to its capacity; from then a
/// new key takes the first free slot of its window, and if all are taken the one there with the
/// oldest tick (then the lowest count) is evicted, which approximates least-recently-used over the
/// whole table (exactly LRU when probeLimit equals capacity) at O(probeLimit) per operation. Nothing
/// is removed except by replacement, so a probe may stop at the first empty slot.
/// False novelty: an evicted key seen again is reported as new. That happens only once the table is
/// at capacity and the key's probe window is full, to keys idle longer than every neighbour in the
/// window; <see cref="Evictions"/> counts the exposure. Counts saturate at <see cref="MaxCount"/>.
/// Memory: 12 bytes a slot, for a table sized to about 4/3 of the keys held (64 slots at most: 768 B).
/// Ticks are the caller's coarse clock (e.g. days since the Unix epoch); only their order matters.
/// </remarks>
public sealed class SeenSet : IBinarySerializable<SeenSet>
{
    /// <summary>Uses counted per key; more count as this many.</summary>
    public const uint MaxCount = ushort.MaxValue;

    // 2: slots grow up to the capacity; 16-bit counts and ticks. 1 (read only): a full-size table, 32-bit counts, ticks in minutes.
    private const byte FormatVersion = 2;
    private const int InitialSlots = 4;
    private const uint MinutesPerDay = 1440;

    private Entry[] _slots;
    private readonly int _capacity;
    private readonly int _probeLimit;
    private int _count;
    private long _evictions;

    /// <param name="capacity">Slots at most, a power of two.</param>
    /// <param name="probeLimit">Slots a key may occupy, from its home slot on (at most capacity).</param>
    public SeenSet(int capacity = 64, int probeLimit = 8)
        : this(capacity, probeLimit, Math.Min(capacity, InitialSlots))
    {
    }

    private SeenSet(int capacity, int probeLimit, int slots)
    {
        Guard.PowerOfTwo(capacity, nameof(capacity));
        Guard.InRange(capacity, 1, 1 << 24, nameof(capacity));
        Guard.InRange(probeLimit, 1, capacity, nameof(probeLimit));
        _capacity = capacity;
        _probeLimit = probeLimit;
        _slots = new Entry[slots];
    }

    public int Capacity => _capacity;

    /// <summary>Slots allocated now (grows with the keys held, up to <see cref="Capacity"/>).</summary>
    public int Slots => _slots.Length;

    public int Count => _count;

    /// <summary>Keys dropped to make room; each is a possible false novelty later.</summary>
    public long Evictions => _evictions;

    /// <summary>Records a use of <paramref name="key"/> at <paramref name="tick"/>; true if it was not in the set.</summary>
    public bool Observe(ulong key, ushort tick)
    {
        int found = Find(key);
        if (found >= 0)
        {
            ref var slot = ref _slots[found];
            if (slot.Count < MaxCount)
                slot.Count++;
            slot.LastSeen = Math.Max(slot.LastSeen, tick);
            return false;
        }
        if (_slots.Length < _capacity && (_count + 1) * 4 > _slots.Length * 3)
            Grow();
        Place(new Entry { Key = key, Count = 1, LastSeen = tick });
        return true;
    }

    /// <summary>Uses recorded for <paramref name="key"/> while it has been in the set; 0 if absent.</summary>
    public uint CountOf(ulong key)
    {
        int found = Find(key);
        return found < 0 ? 0u : _slots[found].Count;
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

    private int ProbeLimit => Math.Min(_probeLimit, _slots.Length);

    private int Find(ulong key)
    {
        int mask = _slots.Length - 1;
        int home = Home(key);
        for (int i = 0; i < ProbeLimit; i++)
        {
            int at = (home + i) & mask;
            ref readonly var slot = ref _slots[at];
            if (slot.Count == 0)
                return -1;
            if (slot.Key == key)
                return at;
        }
        return -1;
    }

    /// <summary>Puts a key that is not held into its window: a free slot, else room made by growing, else the stalest key's slot.</summary>
    private void Place(Entry entry)
    {
        while (true)
        {
            int mask = _slots.Length - 1;
            int home = Home(entry.Key);
            int victim = home;
            for (int i = 0; i < ProbeLimit; i++)
            {
                int at = (home + i) & mask;
                ref var slot = ref _slots[at];
                if (slot.Count == 0)
                {
                    slot = entry;
                    _count++;
                    return;
                }
                ref var worst = ref _slots[victim];
                if (slot.LastSeen < worst.LastSeen || (slot.LastSeen == worst.LastSeen && slot.Count < worst.Count))
                    victim = at;
            }
            if (_slots.Length < _capacity)
            {
                Grow();
                continue;
            }
            _slots[victim] = entry;
            _evictions++;
            return;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        _count = 0;
        foreach (var entry in old)
        {
            if (entry.Count > 0)
                Place(entry);
        }
    }

    // Remixed so that keys which are not well-spread hashes (small integers) still spread over the table.
    private int Home(ulong key) => (int)(SplitMix64.Mix(key) & (ulong)(_slots.Length - 1));

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.SeenSet, FormatVersion);
        writer.Write(_capacity);
        writer.Write(_probeLimit);
        writer.Write(_slots.Length);
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
        byte version = StateFormat.ReadHeader(reader, StateTag.SeenSet, FormatVersion);
        int capacity = reader.ReadInt32();
        int probeLimit = reader.ReadInt32();
        if (capacity <= 0 || capacity > 1 << 24 || (capacity & (capacity - 1)) != 0 || probeLimit < 1 || probeLimit > capacity)
            StateFormat.Fail($"seen-set shape {capacity} slots, probe limit {probeLimit} is invalid");
        int slots = version == 1 ? capacity : reader.ReadInt32();
        if (slots < 1 || slots > capacity || (slots & (slots - 1)) != 0)
            StateFormat.Fail($"seen-set table of {slots} slots does not fit capacity {capacity}");
        var set = new SeenSet(capacity, probeLimit, slots);
        set._evictions = reader.ReadInt64();
        if (set._evictions < 0)
            StateFormat.Fail("negative eviction count");
        int count = StateFormat.ReadInt32(reader, "count", 0, slots);
        for (int n = 0; n < count; n++)
        {
            int i = StateFormat.ReadInt32(reader, "slot", 0, slots - 1);
            var entry = version == 1
                ? new Entry { Key = reader.ReadUInt64(), Count = (ushort)Math.Min(reader.ReadUInt32(), MaxCount), LastSeen = (ushort)Math.Min(reader.ReadUInt32() / MinutesPerDay, ushort.MaxValue) }
                : new Entry { Key = reader.ReadUInt64(), Count = reader.ReadUInt16(), LastSeen = reader.ReadUInt16() };
            if (entry.Count == 0 || set._slots[i].Count != 0)
                StateFormat.Fail($"slot {i} is empty or repeated");
            set._slots[i] = entry;
        }
        set._count = count;
        return set;
    }

    // Packed to 12 bytes: an agent holds a few hundred of these.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Key;
        public ushort Count;
        public ushort LastSeen;
    }
}
