using System.Numerics;
using System.Runtime.InteropServices;

namespace Detector.Scoring.Statistics;

/// <summary>
/// Approximate counts of 64-bit keys in fixed memory: a Count-Min sketch (Cormode and Muthukrishnan,
/// "An improved data stream summary: the count-min sketch and its applications", J. Algorithms 55,
/// 2005) with conservative update (Estan and Varghese, "New directions in traffic measurement and
/// accounting", SIGCOMM 2002). Keys are expected to be stable hashes already (StableHash, XXH3); each
/// row still remixes them so rows behave as independent hash functions.
/// </summary>
/// <remarks>
/// Error bound (Cormode and Muthukrishnan, Theorem 1): with width w = e/ε and depth d = ln(1/δ), an
/// estimate never undercounts and exceeds the true count by more than ε N (N = <see cref="Total"/>)
/// with probability at most δ. Width is rounded up to a power of two (so the effective ε is e/w, at
/// most the requested one) and depth up to an integer. Conservative update raises only the counters
/// that must rise, which keeps the same guarantees with much less overcount on skewed streams.
/// <see cref="Halve"/> decays every counter and the total for recency; the estimates then bound the
/// halved (rounded down) true counts from above in the same way. Counters saturate at uint.MaxValue.
/// Memory: 4 w d bytes; ε = δ = 0.05 gives 64 x 3 (768 bytes), ε = δ = 0.01 gives 512 x 5 (10 KB).
/// </remarks>
public sealed class CountMinSketch : IBinarySerializable<CountMinSketch>
{
    private const byte FormatVersion = 1;
    private const int MaxDepth = 16;
    private const int MaxWidthBits = 20;

    private readonly uint[] _counters;
    private readonly int _widthBits;
    private readonly int _depth;
    private long _total;

    /// <param name="epsilon">Additive error as a fraction of the total count.</param>
    /// <param name="delta">Chance that one estimate exceeds that error.</param>
    public CountMinSketch(double epsilon = 0.01, double delta = 0.01)
        : this(WidthBitsFor(epsilon), DepthFor(delta))
    {
    }

    private CountMinSketch(int widthBits, int depth)
    {
        _widthBits = widthBits;
        _depth = depth;
        _counters = new uint[depth << widthBits];
    }

    public int Width => 1 << _widthBits;

    public int Depth => _depth;

    /// <summary>Sum of everything added (halved with the counters).</summary>
    public long Total => _total;

    /// <summary>The additive error e/w x Total that an estimate exceeds with probability at most δ.</summary>
    public double ErrorBound => Math.E / Width * _total;

    public void Add(ulong key, uint count = 1)
    {
        uint smallest = uint.MaxValue;
        for (int row = 0; row < _depth; row++)
            smallest = Math.Min(smallest, _counters[Slot(key, row)]);
        uint target = smallest > uint.MaxValue - count ? uint.MaxValue : smallest + count;
        for (int row = 0; row < _depth; row++)
        {
            ref uint counter = ref _counters[Slot(key, row)];
            if (counter < target)
                counter = target;
        }
        _total += count;
    }

    public uint Estimate(ulong key)
    {
        uint smallest = uint.MaxValue;
        for (int row = 0; row < _depth; row++)
            smallest = Math.Min(smallest, _counters[Slot(key, row)]);
        return smallest;
    }

    /// <summary>Halves every counter and the total (rounding down): older counts fade geometrically.</summary>
    public void Halve()
    {
        for (int i = 0; i < _counters.Length; i++)
            _counters[i] >>= 1;
        _total >>= 1;
    }

    private int Slot(ulong key, int row) =>
        (row << _widthBits) + (int)(SplitMix64.Mix(key + (ulong)row * SplitMix64.Golden) >> (64 - _widthBits));

    private static int WidthBitsFor(double epsilon)
    {
        Guard.InRange(epsilon, Math.E / (1 << MaxWidthBits), 0.5, nameof(epsilon));
        return BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Ceiling(Math.E / epsilon)));
    }

    private static int DepthFor(double delta)
    {
        Guard.InRange(delta, Math.Exp(-MaxDepth), 0.5, nameof(delta));
        return (int)Math.Ceiling(Math.Log(1 / delta));
    }

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.CountMinSketch, FormatVersion);
        writer.Write((byte)_widthBits);
        writer.Write((byte)_depth);
        writer.Write(_total);
        // Counters in bulk: a group's sketches are most of a checkpoint's serialising time otherwise.
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(_counters.AsSpan()));
            return;
        }
        foreach (uint counter in _counters)
            writer.Write(counter);
    }

    public static CountMinSketch Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.CountMinSketch, FormatVersion);
        int widthBits = reader.ReadByte();
        int depth = reader.ReadByte();
        if (widthBits is < 1 or > MaxWidthBits || depth is < 1 or > MaxDepth)
            StateFormat.Fail($"sketch shape 2^{widthBits} x {depth} is out of range");
        var sketch = new CountMinSketch(widthBits, depth);
        sketch._total = reader.ReadInt64();
        if (sketch._total < 0)
            StateFormat.Fail("negative total");
        if (BitConverter.IsLittleEndian)
        {
            var bytes = MemoryMarshal.AsBytes(sketch._counters.AsSpan());
            if (reader.BaseStream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
                StateFormat.Fail("counters are truncated");
            return sketch;
        }
        for (int i = 0; i < sketch._counters.Length; i++)
            sketch._counters[i] = reader.ReadUInt32();
        return sketch;
    }
}
