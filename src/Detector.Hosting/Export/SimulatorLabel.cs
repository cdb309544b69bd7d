using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Detector.Domain.Identity;

namespace Detector.Hosting.Export;

/// <summary>A line of the simulator's labels.jsonl: the ground truth of one test session and its scenario.</summary>
public sealed record SimulatorLabel(SessionKey Session, bool Malicious, string Scenario)
{
    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out SimulatorLabel? label)
    {
        label = null;
        if (!JsonFields.TryString(root, "agent_id", out string? agent) || !JsonFields.TryString(root, "session_id", out string? session)
            || !JsonFields.TryString(root, "label", out string? name) || name is not (ExportLabel.Malicious or ExportLabel.Benign))
            return false;
        string scenario = JsonFields.TryString(root, "scenario", out string? s) ? s : "";
        label = new SimulatorLabel(new SessionKey(new AgentId(agent), new SessionId(session)), name == ExportLabel.Malicious, scenario);
        return true;
    }
}
