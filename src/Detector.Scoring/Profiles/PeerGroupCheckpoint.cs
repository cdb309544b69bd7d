using System.IO.Compression;
using System.Text;
using Detector.Scoring.State;

namespace Detector.Scoring.Profiles;

/// <summary>
/// A shard's peer groups in a checkpoint, each as its difference from the model's copy (what the shard's
/// agents taught it since the model was loaded), compressed. Restored together with the agents, they let
/// the input after a checkpoint be scored again exactly as the first time, so a redelivered event raises
/// the same alert. A checkpoint written against another model version is not applied: that model's
/// groups are the starting point then, as after a model switch.
/// </summary>
public static class PeerGroupCheckpoint
{
    private const byte FormatVersion = 1;

    /// <param name="modelVersion">The version of the model whose serialized groups are <paramref name="basis"/>.</param>
    /// <param name="basis">The model's serialized groups, in the order the table was created from them.</param>
    public static void Write(BinaryWriter writer, PeerGroupTable table, string modelVersion, IReadOnlyList<byte[]> basis)
    {
        // Deltas are built uncompressed and packed in one call: a compressor fed varint by varint costs more than the rest.
        using var deltas = new MemoryStream();
        using (var w = new BinaryWriter(deltas, Encoding.UTF8, leaveOpen: true))
        {
            var groups = table.Groups;
            using var serialized = new MemoryStream();
            w.Write(groups.Count);
            for (int i = 0; i < groups.Count; i++)
            {
                serialized.SetLength(0);
                using (var gw = new BinaryWriter(serialized, Encoding.UTF8, leaveOpen: true))
                    groups[i].Write(gw);
                // The table starts as the model's groups in order; groups opened later have no basis.
                int basisIndex = i < basis.Count ? i : -1;
                w.Write(basisIndex);
                BlockDelta.Write(w, serialized.GetBuffer().AsSpan(0, (int)serialized.Length), basisIndex < 0 ? default : basis[basisIndex]);
            }
        }
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(deltas.GetBuffer().AsSpan(0, (int)deltas.Length));
        writer.Write(FormatVersion);
        writer.Write(modelVersion);
        writer.Write((int)packed.Length);
        writer.Write(packed.GetBuffer().AsSpan(0, (int)packed.Length));
    }

    /// <summary>Restores groups written by <see cref="Write"/> into <paramref name="table"/>; false (table untouched) when written against another model version.</summary>
    public static bool Read(BinaryReader reader, PeerGroupTable table, string modelVersion, IReadOnlyList<byte[]> basis)
    {
        byte version = reader.ReadByte();
        if (version != FormatVersion)
            throw new InvalidDataException($"peer group checkpoint format {version} is not supported (this build reads {FormatVersion})");
        string writtenAgainst = reader.ReadString();
        int length = reader.ReadInt32();
        byte[] packed = reader.ReadBytes(length);
        if (length < 0 || packed.Length != length)
            throw new EndOfStreamException("the peer group checkpoint is truncated");
        if (writtenAgainst != modelVersion)
            return false;

        using var deltas = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(packed, writable: false), CompressionMode.Decompress))
            zlib.CopyTo(deltas);
        deltas.Position = 0;
        using var r = new BinaryReader(deltas);
        int count = r.ReadInt32();
        var restored = new List<PeerGroupProfile>(Math.Max(count, 0));
        for (int i = 0; i < count; i++)
        {
            int basisIndex = r.ReadInt32();
            if (basisIndex < -1 || basisIndex >= basis.Count)
                throw new InvalidDataException($"peer group checkpoint refers to model group {basisIndex} of {basis.Count}");
            byte[] bytes = BlockDelta.Read(r, basisIndex < 0 ? default : basis[basisIndex]);
            using var gr = new BinaryReader(new MemoryStream(bytes, writable: false));
            restored.Add(PeerGroupProfile.Read(gr));
        }
        foreach (var group in restored)
            table.Replace(group);
        return true;
    }
}
