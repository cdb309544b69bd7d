using System.Text.Json;
using Detector.Domain.Wire;

namespace Detector.Simulation.Output;

/// <summary>Writes labels.jsonl: one object per test session, ordered by session start.</summary>
internal static class LabelJsonWriter
{
    public static void Write(Stream output, IEnumerable<LabelRecord> labels)
    {
        using var writer = new Utf8JsonWriter(output, ContractJson.WriterOptions);
        foreach (var label in labels.OrderBy(l => l.Start).ThenBy(l => l.SessionId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("session_id", label.SessionId);
            writer.WriteString("agent_id", label.AgentId);
            writer.WriteString("label", label.Malicious ? "malicious" : "benign");
            writer.WriteString("scenario", label.Scenario);
            if (label.FinalEventId is null)
                writer.WriteNull("final_event_id");
            else
                writer.WriteString("final_event_id", label.FinalEventId);
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
        output.Flush();
    }
}
