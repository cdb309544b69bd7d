using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>
/// Destinations an agent started sending to recently: slow poisoning introduces a destination with
/// small, growing doses until it looks usual, then sends the real payload. A destination stays young
/// for <see cref="YoungFor"/> after its first transfer. Each keeps only what the trend test needs (the
/// last size and the length of the strictly growing run ending there), so a busy agent's one-off
/// sends cannot push a campaign out: when the table is full, an expired entry makes room first, then
/// the one with the shortest growing run, the oldest among equals.
/// </summary>
public sealed class YoungDestinations
{
    public static readonly TimeSpan YoungFor = TimeSpan.FromDays(14);
    public const int Slots = 16;

    // Allocated with the agent's first young destination: most agents rarely meet one.
    private Entry[]? _entries;

    /// <summary>Transfers to a young destination so far, or false if it is not young.</summary>
    public bool TryGet(ulong destination, EventTime now, out YoungDestination young)
    {
        int slot = Find(destination);
        if (slot >= 0 && IsYoung(_entries![slot], now))
        {
            ref var e = ref _entries[slot];
            young = new YoungDestination(e.Count, e.LastBytes, e.Run, (now - new EventTime(e.FirstSeen)).TotalDays);
            return true;
        }
        young = default;
        return false;
    }

    /// <summary>Records a transfer; a destination not yet tracked starts young when <paramref name="isNew"/>.</summary>
    public void Record(ulong destination, EventTime now, long bytes, bool isNew)
    {
        int slot = Find(destination);
        if (slot < 0)
        {
            if (!isNew)
                return;
            _entries ??= new Entry[Slots];
            slot = Victim(now);
            _entries[slot] = new Entry { Key = destination, FirstSeen = now.UtcTicks, LastBytes = bytes, Count = 1, Run = 1 };
            return;
        }
        ref var e = ref _entries![slot];
        e.Run = bytes > e.LastBytes ? e.Run + 1 : 1;
        e.LastBytes = bytes;
        e.Count++;
    }

    private int Find(ulong destination)
    {
        if (_entries is null)
            return -1;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Count > 0 && _entries[i].Key == destination)
                return i;
        }
        return -1;
    }

    private int Victim(EventTime now)
    {
        var entries = _entries!;
        int victim = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            ref var e = ref entries[i];
            if (e.Count == 0 || !IsYoung(e, now))
                return i;
            ref var v = ref entries[victim];
            if (e.Run < v.Run || (e.Run == v.Run && e.FirstSeen < v.FirstSeen))
                victim = i;
        }
        return victim;
    }

    private static bool IsYoung(in Entry e, EventTime now) => now - new EventTime(e.FirstSeen) < YoungFor;

    public void Write(BinaryWriter w)
    {
        int count = _entries?.Count(e => e.Count > 0) ?? 0;
        w.Write((byte)count);
        if (_entries is null)
            return;
        foreach (var e in _entries)
        {
            if (e.Count == 0)
                continue;
            w.Write(e.Key);
            w.Write(e.FirstSeen);
            w.Write(e.LastBytes);
            w.Write(e.Count);
            w.Write(e.Run);
        }
    }

    public static YoungDestinations Read(BinaryReader r)
    {
        var y = new YoungDestinations();
        int count = r.ReadByte();
        if (count > Slots)
            throw new InvalidDataException($"young destinations: {count} entries, at most {Slots} expected");
        if (count == 0)
            return y;
        y._entries = new Entry[Slots];
        for (int i = 0; i < count; i++)
        {
            var e = new Entry { Key = r.ReadUInt64(), FirstSeen = r.ReadInt64(), LastBytes = r.ReadInt64(), Count = r.ReadInt32(), Run = r.ReadInt32() };
            if (e.Count <= 0 || e.Run <= 0 || e.Run > e.Count)
                throw new InvalidDataException("young destinations: an entry's counts are inconsistent");
            y._entries[i] = e;
        }
        return y;
    }

    private struct Entry
    {
        public ulong Key;
        public long FirstSeen;
        public long LastBytes;
        public int Count;

        /// <summary>Length of the strictly growing run of sizes that ends with the last transfer.</summary>
        public int Run;
    }
}
