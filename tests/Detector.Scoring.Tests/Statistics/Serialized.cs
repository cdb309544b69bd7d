using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

/// <summary>Byte-level helpers for the statistics states' Write/Read pairs.</summary>
internal static class Serialized
{
    public static byte[] Bytes<T>(T value)
        where T : IBinarySerializable<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            value.Write(writer);
        return stream.ToArray();
    }

    /// <summary>Reads back what was written, checking that exactly all the bytes were consumed.</summary>
    public static T RoundTrip<T>(T value)
        where T : IBinarySerializable<T>
    {
        var bytes = Bytes(value);
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var copy = T.Read(reader);
        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        return copy;
    }

    public static T Read<T>(byte[] bytes)
        where T : IBinarySerializable<T>
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        return T.Read(reader);
    }
}
