namespace Detector.Scoring.Profiles;

/// <summary>
/// Transfer sizes per tool: an e-mail and a file upload differ by orders of magnitude, so a size
/// judged against the agent's mixture of both is large for one tool and ordinary for the other.
/// Keeps the agent's <see cref="Slots"/> most used transfer tools; a new tool replaces the one with
/// the least (decayed) weight. Allocated with the agent's first transfer.
/// </summary>
public sealed class TransferSizes
{
    public const int Slots = 4;

    private ulong[]? _tools;
    private LogStats[]? _sizes;

    /// <summary>The sizes of the tool's transfers, if it is among those kept.</summary>
    public bool TryGet(ulong tool, out LogStats sizes)
    {
        int slot = Find(tool);
        sizes = slot >= 0 ? _sizes![slot] : default;
        return slot >= 0;
    }

    public void Observe(ulong tool, double bytes)
    {
        int slot = Find(tool);
        if (slot < 0)
        {
            _tools ??= new ulong[Slots];
            _sizes ??= new LogStats[Slots];
            slot = Victim();
            _tools[slot] = tool;
            _sizes[slot] = default;
        }
        _sizes![slot].Observe(bytes);
    }

    private int Find(ulong tool)
    {
        if (_tools is null)
            return -1;
        for (int i = 0; i < _tools.Length; i++)
        {
            if (_tools[i] == tool && _sizes![i].Weight > 0)
                return i;
        }
        return -1;
    }

    private int Victim()
    {
        int victim = 0;
        for (int i = 1; i < Slots; i++)
        {
            if (_sizes![i].Weight < _sizes[victim].Weight)
                victim = i;
        }
        return victim;
    }

    public void Write(BinaryWriter w)
    {
        int count = _sizes?.Count(s => s.Weight > 0) ?? 0;
        w.Write((byte)count);
        for (int i = 0; i < Slots && count > 0; i++)
        {
            if (_sizes![i].Weight <= 0)
                continue;
            w.Write(_tools![i]);
            _sizes[i].Write(w);
        }
    }

    public static TransferSizes Read(BinaryReader r)
    {
        var sizes = new TransferSizes();
        int count = r.ReadByte();
        if (count > Slots)
            throw new InvalidDataException($"transfer sizes for {count} tools, more than {Slots}");
        if (count == 0)
            return sizes;
        sizes._tools = new ulong[Slots];
        sizes._sizes = new LogStats[Slots];
        for (int i = 0; i < count; i++)
        {
            sizes._tools[i] = r.ReadUInt64();
            sizes._sizes[i] = LogStats.Read(r);
        }
        return sizes;
    }
}
