namespace Detector.Scoring.Profiles;

/// <summary>
/// Destinations an agent started sending to recently, with the sizes sent so far: slow poisoning
/// introduces a destination with small, growing doses until it looks usual, then sends the real
/// payload. A destination stays young for <see cref="YoungFor"/> after its first transfer; a small
/// fixed table per agent (the oldest entry makes room).
/// </summary>
public sealed class YoungDestinations
{
    public static readonly TimeSpan YoungFor = TimeSpan.FromDays(14);
    private const int Slots = 8;
    public const int MaxDoses = 8;

    private readonly Entry[] _entries = new Entry[Slots];

    /// <summary>The transfers to a young destination so far (sizes in order), or false if it is not young.</summary>
    public bool TryGet(ulong destination, Domain.Time.EventTime now, out ReadOnlySpan<long> doses, out double ageDays)
    {
        for (int i = 0; i < Slots; i++)
        {
            ref var e = ref _entries[i];
            if (e.Key == destination && e.Count > 0 && now - new Domain.Time.EventTime(e.FirstSeen) < YoungFor)
            {
                doses = e.Doses.AsSpan(0, Math.Min(e.Count, MaxDoses));
                ageDays = (now - new Domain.Time.EventTime(e.FirstSeen)).TotalDays;
                return true;
            }
        }
        doses = default;
        ageDays = 0;
        return false;
    }

    /// <summary>Records a transfer; a destination not yet tracked starts young when <paramref name="isNew"/>.</summary>
    public void Record(ulong destination, Domain.Time.EventTime now, long bytes, bool isNew)
    {
        int slot = -1;
        for (int i = 0; i < Slots; i++)
        {
            if (_entries[i].Key == destination && _entries[i].Count > 0)
            {
                slot = i;
                break;
            }
        }
        if (slot < 0)
        {
            if (!isNew)
                return;
            slot = 0;
            for (int i = 1; i < Slots; i++)
            {
                if (_entries[i].FirstSeen < _entries[slot].FirstSeen)
                    slot = i;
            }
            _entries[slot] = new Entry { Key = destination, FirstSeen = now.UtcTicks, Doses = new long[MaxDoses] };
        }
        ref var e = ref _entries[slot];
        if (e.Count < MaxDoses)
            e.Doses[e.Count] = bytes;
        e.Count++;
    }

    public void Write(BinaryWriter w)
    {
        foreach (var e in _entries)
        {
            w.Write(e.Key);
            w.Write(e.FirstSeen);
            w.Write(e.Count);
            for (int i = 0; i < MaxDoses; i++)
                w.Write(e.Doses is null ? 0 : e.Doses[i]);
        }
    }

    public static YoungDestinations Read(BinaryReader r)
    {
        var y = new YoungDestinations();
        for (int s = 0; s < Slots; s++)
        {
            var e = new Entry { Key = r.ReadUInt64(), FirstSeen = r.ReadInt64(), Count = r.ReadInt32(), Doses = new long[MaxDoses] };
            for (int i = 0; i < MaxDoses; i++)
                e.Doses[i] = r.ReadInt64();
            y._entries[s] = e.Count > 0 ? e : default;
        }
        return y;
    }

    private struct Entry
    {
        public ulong Key;
        public long FirstSeen;
        public int Count;
        public long[] Doses;
    }
}
