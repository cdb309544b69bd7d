using System.Text;
using System.Text.Json;

namespace Detector.Kafka.Tests.Support;

/// <summary>Fields of event lines, for keys and bookkeeping (null for a garbled line).</summary>
internal static class Lines
{
    /// <summary>The record key a producer uses: the agent id.</summary>
    public static byte[]? AgentKey(byte[] line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("agent_id", out var a) && a.ValueKind == JsonValueKind.String
                ? Encoding.UTF8.GetBytes(a.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
