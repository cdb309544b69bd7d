using System.Text;
using System.Text.Json.Nodes;

namespace Detector.TestSupport;

/// <summary>Builds tool-invocation event JSON for tests: a valid event, then changed field by field.</summary>
public static class EventJson
{
    public static JsonObject Valid(string eventId = "e-1", string time = "2026-01-05T09:00:00Z", string agent = "spiffe://corp.example/agent/triage-1",
        string session = "s-1", string tool = "search_tickets") => new()
    {
        ["event_id"] = eventId,
        ["time"] = time,
        ["agent_id"] = agent,
        ["session_id"] = session,
        ["tool"] = tool,
    };

    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    public static JsonObject Without(this JsonObject o, string name)
    {
        o.Remove(name);
        return o;
    }

    public static byte[] Bytes(this JsonObject o) => Encoding.UTF8.GetBytes(o.ToJsonString());

    public static string Line(this JsonObject o) => o.ToJsonString();
}
