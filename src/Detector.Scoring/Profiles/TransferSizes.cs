namespace Detector.Scoring.Profiles;

/// <summary>
/// Transfer sizes per tool: an e-mail and a file upload differ by orders of magnitude, so a size
/// judged against the agent's mixture of both is large for one tool and ordinary for the other.
/// Keeps the agent's <see cref="Slots"/> most used transfer tools; a new tool replaces the one with
/// the least (decayed) weight. Allocated with the agent's first transfer, for two tools at first.
/// </summary>
public sealed class TransferSizes
{
    public const int Slots = 4;

    private Entry[]? _entries;

    /// <summary>The sizes of the tool's transfers, if it is among those kept.</summary>
    public bool TryGet(ulong tool, out LogStats sizes)
    {
        int slot = Find(tool);
        sizes = slot >= 0 ? _entries![slot].Sizes : default;
        return slot >= 0;
    }

    public void Observe(ulong tool, double bytes)
    {
        int slot = Find(tool);
        if (slot < 0)
            slot = Claim(tool);
        _entries![slot].Sizes.Observe(bytes);
    }

    private int Find(ulong tool)
    {
        var entries = _entries;
        if (entries is null)
            return -1;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].Tool == tool && entries[i].Sizes.Weight > 0)
                return i;
        }
        return -1;
    }

    /// <summary>An empty slot for the tool: a free one, a new one while under <see cref="Slots"/>, else the least used one's.</summary>
    private int Claim(ulong tool)
    {
        _entries ??= new Entry[2];
        int victim = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Sizes.Weight < _entries[victim].Sizes.Weight)
                victim = i;
        }
        if (_entries[victim].Sizes.Weight > 0 && _entries.Length < Slots)
        {
            victim = _entries.Length;
            Array.Resize(ref _entries, Slots);
        }
        _entries[victim] = new Entry { Tool = tool };
        return victim;
    }

    public void Write(BinaryWriter w)
    {
        var kept = _entries?.Where(e => e.Sizes.Weight > 0).ToArray() ?? [];
        w.Write((byte)kept.Length);
        foreach (var e in kept)
        {
            w.Write(e.Tool);
            e.Sizes.Write(w);
        }
    }

    public static TransferSizes Read(BinaryReader r)
    {
        int count = r.ReadByte();
        if (count > Slots)
            throw new InvalidDataException($"transfer sizes for {count} tools, more than {Slots}");
        var sizes = new TransferSizes();
        if (count > 0)
            sizes._entries = new Entry[Math.Max(2, count)];
        for (int i = 0; i < count; i++)
            sizes._entries![i] = new Entry { Tool = r.ReadUInt64(), Sizes = LogStats.Read(r) };
        return sizes;
    }

    private struct Entry
    {
        public ulong Tool;
        public LogStats Sizes;
    }
}
