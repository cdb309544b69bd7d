namespace Detector.Scoring.Statistics;

/// <summary>
/// The last <see cref="Capacity"/> values of a per-agent series (e.g. hourly event counts), as a ring
/// of floats: a 64-point window costs 256 bytes per agent, and counts need no more precision.
/// Feeds <see cref="SpectralResidual"/>, which wants the window oldest-first.
/// </summary>
public sealed class SlidingWindow : IBinarySerializable<SlidingWindow>
{
    private const byte FormatVersion = 1;

    private readonly float[] _values;
    private int _next;
    private int _count;

    public SlidingWindow(int capacity)
    {
        Guard.InRange(capacity, 1, 1 << 16, nameof(capacity));
        _values = new float[capacity];
    }

    public int Capacity => _values.Length;

    public int Count => _count;

    public bool IsFull => _count == _values.Length;

    public void Push(double value)
    {
        _values[_next] = (float)value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (_count < _values.Length)
            _count++;
    }

    /// <summary>Copies the held values oldest-first into the start of <paramref name="destination"/>; returns how many.</summary>
    public int CopyTo(Span<double> destination)
    {
        if (destination.Length < _count)
            Guard.Throw(nameof(destination), "destination is shorter than the window's count");
        for (int i = 0; i < _count; i++)
            destination[i] = OldestFirst(i);
        return _count;
    }

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.SlidingWindow, FormatVersion);
        writer.Write(_values.Length);
        writer.Write(_count);
        // Oldest-first, so the bytes do not depend on where the ring happened to start.
        for (int i = 0; i < _count; i++)
            writer.Write(OldestFirst(i));
    }

    private float OldestFirst(int i)
    {
        int j = _next - _count + i;
        return _values[j < 0 ? j + _values.Length : j];
    }

    public static SlidingWindow Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.SlidingWindow, FormatVersion);
        int capacity = StateFormat.ReadInt32(reader, "capacity", 1, 1 << 16);
        int count = StateFormat.ReadInt32(reader, "count", 0, capacity);
        var window = new SlidingWindow(capacity);
        for (int i = 0; i < count; i++)
            window.Push(reader.ReadSingle());
        return window;
    }
}
