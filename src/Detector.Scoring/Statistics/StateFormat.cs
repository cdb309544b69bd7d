using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Detector.Scoring.Statistics;

/// <summary>
/// The header every statistics state starts with: a <see cref="StateTag"/> byte, then a format
/// version byte. Readers accept only the versions they know; BinaryWriter is little-endian on every
/// platform, so the bytes are portable.
/// </summary>
internal static class StateFormat
{
    public static void WriteHeader(BinaryWriter writer, StateTag tag, byte version)
    {
        writer.Write((byte)tag);
        writer.Write(version);
    }

    /// <summary>Reads and checks the header; returns the version (only one is known so far).</summary>
    public static byte ReadHeader(BinaryReader reader, StateTag expected, byte latestVersion)
    {
        var tag = (StateTag)reader.ReadByte();
        if (tag != expected)
            Fail($"expected a {expected} state but found tag {(byte)tag}");
        byte version = reader.ReadByte();
        if (version == 0 || version > latestVersion)
            Fail($"{expected} format version {version} is not supported (latest is {latestVersion})");
        return version;
    }

    /// <summary>Reads a size or count and checks it lies in [min, max].</summary>
    public static int ReadInt32(BinaryReader reader, string what, int min, int max)
    {
        int value = reader.ReadInt32();
        if (value < min || value > max)
            Fail($"{what} {value} is outside [{min}, {max}]");
        return value;
    }

    /// <summary>Reads a finite double, optionally constrained to [min, max].</summary>
    public static double ReadDouble(BinaryReader reader, string what, double min = double.MinValue, double max = double.MaxValue)
    {
        double value = reader.ReadDouble();
        if (!double.IsFinite(value) || value < min || value > max)
            Fail($"{what} {value.ToString(CultureInfo.InvariantCulture)} is not a finite number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return value;
    }

    /// <summary>Reads a finite float no smaller than <paramref name="min"/>.</summary>
    public static float ReadSingle(BinaryReader reader, string what, float min)
    {
        float value = reader.ReadSingle();
        if (!float.IsFinite(value) || value < min)
            Fail($"{what} {value.ToString(CultureInfo.InvariantCulture)} is not a finite number of at least {min.ToString(CultureInfo.InvariantCulture)}");
        return value;
    }

    [DoesNotReturn]
    public static void Fail(string message) => throw new InvalidDataException("Corrupt statistics state: " + message + ".");
}
