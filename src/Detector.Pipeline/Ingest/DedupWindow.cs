using Detector.Domain.Time;

namespace Detector.Pipeline.Ingest;

/// <summary>
/// Event ids (as stable 64-bit hashes) applied within the window, forgotten oldest-first by event time
/// or when the cap is reached. A 64-bit hash over a million ids has a collision chance near 3e-8,
/// which would drop one genuine event as a duplicate: accepted for the memory it saves.
/// </summary>
public sealed class DedupWindow
{
    private readonly HashSet<ulong> _ids;
    private readonly Queue<(ulong Id, EventTime Time)> _order;
    private readonly TimeSpan _window;
    private readonly int _capacity;
    private EventTime _newest = EventTime.MinValue;

    public DedupWindow(TimeSpan window, int capacity)
    {
        _window = window;
        _capacity = capacity;
        _ids = new HashSet<ulong>(Math.Min(capacity, 1 << 16));
        _order = new Queue<(ulong, EventTime)>(Math.Min(capacity, 1 << 16));
    }

    public int Count => _ids.Count;

    /// <summary>Ids forgotten because the cap was reached before their window ended.</summary>
    public long Evicted { get; private set; }

    public bool Contains(ulong id) => _ids.Contains(id);

    public void Add(ulong id, EventTime time)
    {
        if (!_ids.Add(id))
            return;
        _order.Enqueue((id, time));
        _newest = EventTime.Max(_newest, time);
        EventTime horizon = _newest - _window;
        while (_order.Count > 0 && (_order.Count > _capacity || _order.Peek().Time < horizon))
        {
            var (old, oldTime) = _order.Dequeue();
            _ids.Remove(old);
            if (oldTime >= horizon)
                Evicted++;
        }
    }

    public void Write(BinaryWriter writer) => Write(writer, int.MaxValue);

    /// <summary>Writes only the <paramref name="newest"/> most recently added ids (a checkpoint's bounded share of the window).</summary>
    public void Write(BinaryWriter writer, int newest)
    {
        int count = Math.Min(newest, _order.Count);
        int skip = _order.Count - count;
        writer.Write((byte)1);
        writer.Write(count);
        foreach (var (id, time) in _order)
        {
            if (skip-- > 0)
                continue;
            writer.Write(id);
            writer.Write(time.UtcTicks);
        }
    }

    public void Read(BinaryReader reader)
    {
        byte version = reader.ReadByte();
        if (version != 1)
            throw new InvalidDataException($"unsupported de-duplication state version {version}");
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
            Add(reader.ReadUInt64(), new EventTime(reader.ReadInt64()));
    }
}
