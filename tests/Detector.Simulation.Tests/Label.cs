using System.Text.Json;

namespace Detector.Simulation.Tests;

/// <summary>One line of labels.jsonl.</summary>
internal sealed record Label(string SessionId, string AgentId, bool Malicious, string Scenario, string? FinalEventId, IReadOnlyList<string> Fields)
{
    public static Label Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string label = root.GetProperty("label").GetString()!;
        if (label is not ("benign" or "malicious"))
            throw new FormatException($"unknown label {label}");
        var final = root.GetProperty("final_event_id");
        return new Label(
            root.GetProperty("session_id").GetString()!,
            root.GetProperty("agent_id").GetString()!,
            label == "malicious",
            root.GetProperty("scenario").GetString()!,
            final.ValueKind == JsonValueKind.Null ? null : final.GetString(),
            [.. root.EnumerateObject().Select(p => p.Name)]);
    }
}
