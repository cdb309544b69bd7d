using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Detector.Domain.Events;
using Detector.Scoring.Model;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Engine;

/// <summary>
/// The shared test-support triage fleet (four agents, four office days) as training history, and two
/// sessions of its first agent on the next morning: its injected exfiltration chain, and a benign twin
/// with the same agent and start doing its usual ticket work, shaped like its history (six steps, 20 s apart).
/// </summary>
internal sealed class TriageFleet
{
    private static readonly Lazy<TriageFleet> Shared = new(() => new TriageFleet());

    private TriageFleet()
    {
        var traffic = new AgentTraffic(agents: 4, days: 4);
        var attack = traffic.AttackEvents.ToHashSet(StringComparer.Ordinal);
        var lines = traffic.Lines.Select(l => (Line: l, Node: JsonNode.Parse(l)!)).ToList();
        var history = lines.Where(l => !attack.Contains(Id(l.Node))).Select(l => l.Line);
        var chain = lines.Where(l => attack.Contains(Id(l.Node))).ToList();
        Model = Fleet.Train(Encoding.UTF8.GetBytes(string.Join('\n', history)));
        Attack = EventLines.Parse(chain.Select(l => l.Line)).Select(Fleet.Copy).ToList();
        Twin = EventLines.Parse(Enumerable.Range(0, 6).Select(i => BenignStep(chain[0].Node, i))).Select(Fleet.Copy).ToList();
    }

    public static TriageFleet Instance => Shared.Value;

    public DetectorModel Model { get; }

    public IReadOnlyList<ToolEvent> Attack { get; }

    public IReadOnlyList<ToolEvent> Twin { get; }

    private static string Id(JsonNode e) => e["event_id"]!.GetValue<string>();

    /// <summary>Step <paramref name="i"/> of the agent's routine, started when the attack started.</summary>
    private static string BenignStep(JsonNode attackStart, int i)
    {
        string[] tools = ["search_tickets", "read_ticket", "read_ticket", "update_ticket", "post_comment"];
        string tool = tools[i % tools.Length];
        var time = DateTimeOffset.Parse(attackStart["time"]!.GetValue<string>(), CultureInfo.InvariantCulture).AddSeconds(20 * i);
        return EventJson.Valid("twin-" + i.ToString(CultureInfo.InvariantCulture), time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                attackStart["agent_id"]!.GetValue<string>(), "s-twin", tool)
            .With("action", tool is "update_ticket" or "post_comment" ? "write" : "read")
            .With("sensitivity", "internal")
            .With("destination", "tickets.corp.example")
            .With("resource", $"{tool}/{7 + i}")
            .With("tenant", "acme")
            .With("bytes_out", 450)
            .Line();
    }
}
