namespace Detector.Scoring.State;

/// <summary>
/// The difference of a buffer from a basis it grew out of, as runs of changed fixed-size blocks: a
/// serialized peer group differs from the model's copy only where the shard's agents taught it something,
/// so a checkpoint carries tens of kilobytes instead of the group's few hundred. Unchanged stretches are
/// found with a vectorised scan, so encoding costs about a memory scan of the buffer. Blocks are a
/// counter or two wide: a sketch's changes are scattered single counters.
/// </summary>
/// <remarks>
/// Format: the buffer's length, then (unchanged blocks to skip, changed blocks that follow, their bytes)
/// runs, ended by a run of zero changed blocks. Blocks past the basis's end count as changed; the last
/// block may be short. Counts are 7-bit encoded.
/// </remarks>
public static class BlockDelta
{
    public const int BlockSize = 8;

    private const int MaxLength = 1 << 28;

    public static void Write(BinaryWriter writer, ReadOnlySpan<byte> current, ReadOnlySpan<byte> basis)
    {
        writer.Write7BitEncodedInt(current.Length);
        int blocks = BlockCount(current.Length);
        int block = 0;
        while (block < blocks)
        {
            // Unchanged stretches (most of the buffer) are skipped with one vectorised scan.
            int from = block * BlockSize;
            int common = from < basis.Length ? current[from..].CommonPrefixLength(basis[from..]) : 0;
            int start = Math.Min(blocks, block + common / BlockSize);
            if (start == blocks - 1 && Same(current, basis, start))
                start = blocks;
            int end = start;
            while (end < blocks && !Same(current, basis, end))
                end++;
            if (end == start)
                break;
            writer.Write7BitEncodedInt(start - block);
            writer.Write7BitEncodedInt(end - start);
            writer.Write(current[Blocks(start, end, current.Length)]);
            block = end;
        }
        writer.Write7BitEncodedInt(0);
        writer.Write7BitEncodedInt(0);
    }

    /// <summary>Rebuilds the buffer <see cref="Write"/> encoded against the same <paramref name="basis"/>.</summary>
    public static byte[] Read(BinaryReader reader, ReadOnlySpan<byte> basis)
    {
        int length = reader.Read7BitEncodedInt();
        if (length is < 0 or > MaxLength)
            throw new InvalidDataException($"a block delta claims {length} bytes");
        var current = new byte[length];
        basis[..Math.Min(basis.Length, length)].CopyTo(current);
        int blocks = BlockCount(length);
        int block = 0;
        while (true)
        {
            int skip = reader.Read7BitEncodedInt();
            int changed = reader.Read7BitEncodedInt();
            if (changed == 0)
                break;
            if (skip < 0 || changed < 0 || skip > blocks - block || changed > blocks - block - skip)
                throw new InvalidDataException("a block delta's runs overrun its buffer");
            block += skip;
            ReadExactly(reader, current.AsSpan(Blocks(block, block + changed, length)));
            block += changed;
        }
        return current;
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> run)
    {
        while (run.Length > 0)
        {
            int read = reader.Read(run);
            if (read == 0)
                throw new EndOfStreamException("a block delta ends inside a run");
            run = run[read..];
        }
    }

    private static int BlockCount(int length) => (length + BlockSize - 1) / BlockSize;

    private static bool Same(ReadOnlySpan<byte> current, ReadOnlySpan<byte> basis, int block)
    {
        int from = block * BlockSize;
        int to = Math.Min(from + BlockSize, current.Length);
        return to <= basis.Length && current[from..to].SequenceEqual(basis[from..to]);
    }

    private static Range Blocks(int fromBlock, int toBlock, int length) => (fromBlock * BlockSize)..Math.Min(toBlock * BlockSize, length);
}
