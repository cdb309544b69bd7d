using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Detector.Domain.Ingest;

/// <summary>
/// Turns recurring UTF-8 values (agent ids, tools, destinations) into shared strings without
/// allocating on a hit. A fixed-size 2-way set-associative cache: memory is bounded whatever the
/// input, and a flood of one-off values only displaces entries, it never grows the table. A value
/// is admitted only on its second sighting (a doorkeeper of recent hashes, as in TinyLFU: Einziger,
/// Friedman and Manes, ACM TOS 2017), so one-off values (resource ids, free text) cost one plain
/// string and do not evict the values that recur. Values that recur by contract (agent, session,
/// tool) are admitted at once, which saves the string of their first sighting. Not thread-safe:
/// one pool per parser.
/// </summary>
public sealed class Utf8StringPool
{
    private const int MaxPooledBytes = 256;

    private readonly Entry[] _entries;
    private readonly ulong[] _doorkeeper;
    private readonly int _setMask;
    private uint _clock;

    /// <param name="capacity">Entries held (rounded up to a power of two, at least 16).</param>
    public Utf8StringPool(int capacity = 16384)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity));
        _entries = new Entry[size];
        _doorkeeper = new ulong[size];
        _setMask = size / 2 - 1;
    }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    /// <param name="utf8">The value.</param>
    /// <param name="recurs">The caller knows the value recurs: admit it without the doorkeeper.</param>
    public string GetOrAdd(ReadOnlySpan<byte> utf8, bool recurs = false)
    {
        if (utf8.IsEmpty)
            return "";
        if (utf8.Length > MaxPooledBytes)
            return Encoding.UTF8.GetString(utf8);

        ulong hash = XxHash3.HashToUInt64(utf8);
        int set = (int)(hash & (ulong)_setMask) * 2;
        _clock++;
        for (int way = 0; way < 2; way++)
        {
            ref var e = ref _entries[set + way];
            if (e.Hash == hash && e.Value is not null && Matches(utf8, e))
            {
                e.LastUse = _clock;
                Hits++;
                return e.Value;
            }
        }

        Misses++;
        // First sighting: remember the hash only. A value seen again before its doorkeeper slot is reused gets cached.
        ref ulong door = ref _doorkeeper[(int)(hash >> 32) & (_doorkeeper.Length - 1)];
        if (!recurs && door != hash)
        {
            door = hash;
            return Encoding.UTF8.GetString(utf8);
        }
        // Replace the least recently used way of the set.
        ref var victim = ref _entries[set + (_entries[set].LastUse <= _entries[set + 1].LastUse ? 0 : 1)];
        victim.Hash = hash;
        victim.Bytes = Ascii.IsValid(utf8) ? null : utf8.ToArray();
        victim.Value = Encoding.UTF8.GetString(utf8);
        victim.LastUse = _clock;
        return victim.Value;
    }

    /// <summary>ASCII values (nearly all) are compared with the string itself, so only the rest keep a copy of their bytes.</summary>
    private static bool Matches(ReadOnlySpan<byte> utf8, in Entry e) =>
        e.Bytes is null ? Ascii.Equals(utf8, e.Value) : utf8.SequenceEqual(e.Bytes);

    private struct Entry
    {
        public ulong Hash;
        public byte[]? Bytes;
        public string? Value;
        public uint LastUse;
    }
}
