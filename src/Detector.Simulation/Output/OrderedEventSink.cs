using System.Buffers;
using Detector.Domain.Time;

namespace Detector.Simulation.Output;

/// <summary>
/// Holds serialised events until no later-generated event can precede them, then writes them in
/// emission order. Sessions are generated one after another but overlap in time, so the simulator
/// flushes at each day boundary: nothing generated afterwards can start before it.
/// </summary>
internal sealed class OrderedEventSink(Stream output, NoiseInjector? noise)
{
    private readonly ArrayBufferWriter<byte> _pending = new(1 << 20);
    private readonly List<HeldLine> _entries = new(8192);
    private byte[] _arena = new byte[1 << 20];
    private int _used;
    private long _sequence;

    /// <summary>Event lines written so far (noise lines not included).</summary>
    public long Lines { get; private set; }

    /// <param name="emitAt">Where the line goes in the file: the event time, or a little later for a late-delivered event.</param>
    public void Add(EventTime emitAt, ReadOnlySpan<byte> json)
    {
        EnsureArena(json.Length);
        json.CopyTo(_arena.AsSpan(_used));
        _entries.Add(new HeldLine(emitAt.UtcTicks, _sequence++, _used, json.Length));
        _used += json.Length;
    }

    /// <summary>Writes, in order, every held line due before <paramref name="cutoff"/>.</summary>
    public void FlushBefore(EventTime cutoff)
    {
        _entries.Sort();
        int due = 0;
        while (due < _entries.Count && _entries[due].EmitTicks < cutoff.UtcTicks)
            due++;
        for (int i = 0; i < due; i++)
        {
            var line = _arena.AsSpan(_entries[i].Offset, _entries[i].Length);
            noise?.BeforeLine(line, _pending);
            _pending.Write(line);
            _pending.Write("\n"u8);
        }
        Lines += due;
        output.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
        Compact(due);
    }

    public void FlushAll()
    {
        FlushBefore(EventTime.MaxValue);
        output.Flush();
    }

    /// <summary>Drops written lines and moves the held ones to the front of a fresh arena.</summary>
    private void Compact(int written)
    {
        var fresh = new byte[Math.Max(1 << 20, _arena.Length / 2)];
        int used = 0;
        for (int i = written; i < _entries.Count; i++)
        {
            var e = _entries[i];
            EnsureCapacity(ref fresh, used + e.Length);
            _arena.AsSpan(e.Offset, e.Length).CopyTo(fresh.AsSpan(used));
            _entries[i] = e with { Offset = used };
            used += e.Length;
        }
        _entries.RemoveRange(0, written);
        _arena = fresh;
        _used = used;
    }

    private void EnsureArena(int extra) => EnsureCapacity(ref _arena, _used + extra);

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (needed > buffer.Length)
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
    }
}
