using System.Text.Json.Nodes;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Xunit;

namespace Detector.Cli.Tests.Export;

/// <summary>An alert line of `replay --alerts` back as the domain record, to give it a verdict through the real feedback store.</summary>
internal static class ContractAlert
{
    public static Alert Parse(string line)
    {
        var n = JsonNode.Parse(line)!;
        Assert.True(OutputEnums.TryParseSeverity(Text(n, "severity"), out var severity));
        var evidence = n["evidence"]!.AsArray().Select(e => new EvidenceStep(
            Text(e!, "event_id"), EventTime.Parse(Text(e!, "time")), Text(e!, "tool"), Text(e!, "action"), Text(e!, "note"))).ToArray();
        var features = n["features"]!.AsObject().Select(kv => new Feature(kv.Key, kv.Value!.GetValue<double>())).ToArray();
        return new Alert(Text(n, "alert_id"), EventTime.Parse(Text(n, "time")), EventTime.Parse(Text(n, "detected_at")),
            new AgentId(Text(n, "agent_id")), new SessionId(Text(n, "session_id")), Text(n, "kind"), severity, n["score"]!.GetValue<double>(),
            evidence, Text(n, "explanation"), features, Text(n, "model_version"));
    }

    private static string Text(JsonNode n, string name) => n[name]!.GetValue<string>();
}
