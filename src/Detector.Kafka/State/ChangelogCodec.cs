using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Detector.Domain.Identity;

namespace Detector.Kafka.State;

/// <summary>
/// Keys and values of the state changelog. Keys are scoped by input partition
/// (<c>{partition}:a:{agent}</c>, <c>{partition}:m</c>) so compaction keeps the latest snapshot per
/// agent and the latest marker per partition, even when the changelog has fewer partitions than the
/// input. A value is: format version, kind, the input offset its checkpoint covers, then the payload.
/// </summary>
internal static class ChangelogCodec
{
    public const byte Version = 1;
    private const int HeaderLength = 1 + 1 + 8;

    public static byte[] AgentKey(int partition, AgentId agent) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{partition}:a:{agent.Value}"));

    public static byte[] MarkerKey(int partition) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{partition}:m"));

    public static byte[] Value(ChangelogRecordKind kind, long coveredOffset, ReadOnlySpan<byte> payload)
    {
        var value = new byte[HeaderLength + payload.Length];
        value[0] = Version;
        value[1] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(2), coveredOffset);
        payload.CopyTo(value.AsSpan(HeaderLength));
        return value;
    }

    /// <summary>Splits a record; false for records of another partition, of an unknown format, or malformed.</summary>
    public static bool TryRead(byte[]? key, byte[]? value, int partition, out ChangelogRecordKind kind, out string agent, out long coveredOffset, out ReadOnlyMemory<byte> payload)
    {
        kind = default;
        agent = "";
        coveredOffset = -1;
        payload = default;
        if (key is null || value is null || value.Length < HeaderLength || value[0] != Version)
            return false;
        string text = Encoding.UTF8.GetString(key);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p != partition)
            return false;
        kind = (ChangelogRecordKind)value[1];
        coveredOffset = BinaryPrimitives.ReadInt64LittleEndian(value.AsSpan(2));
        payload = value.AsMemory(HeaderLength);
        string rest = text[(colon + 1)..];
        if (kind == ChangelogRecordKind.Agent && rest.StartsWith("a:", StringComparison.Ordinal))
        {
            agent = rest[2..];
            return agent.Length > 0;
        }
        return kind == ChangelogRecordKind.Marker && rest == "m";
    }
}
