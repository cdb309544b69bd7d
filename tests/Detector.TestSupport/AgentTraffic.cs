using System.Globalization;
using System.Text.Json.Nodes;

namespace Detector.TestSupport;

/// <summary>
/// A small deterministic fleet for end-to-end tests of the analyst surfaces: a few ticket-triage agents
/// working office hours for some days (search, read, update, comment against the ticket system), then
/// one injected exfiltration session by the first agent: a run of restricted customer reads, privilege
/// grants and transfers of large payloads to a destination no agent ever used.
/// </summary>
public sealed class AgentTraffic
{
    public const string AttackSession = "s-attack";
    public const string AttackDestination = "paste.exfil.example";

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly (string Tool, string Action)[] Routine =
    [
        ("search_tickets", "read"), ("read_ticket", "read"), ("read_ticket", "read"), ("update_ticket", "write"), ("post_comment", "write"),
    ];

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _destinations = new(StringComparer.Ordinal);
    private int _next;

    public AgentTraffic(int agents = 4, int days = 4)
    {
        var random = new Random(20260105);
        for (int day = 0; day < days; day++)
        {
            for (int hour = 9; hour < 17; hour++)
            {
                for (int a = 0; a < agents; a++)
                {
                    var at = Start.AddDays(day).AddHours(hour).AddMinutes(random.Next(0, 20));
                    Session(Agent(a), $"s-{day}-{hour}-{a}", at, random);
                }
            }
        }
        Attack(Agent(0), Start.AddDays(days).AddHours(10));
    }

    public static string Agent(int index) => $"spiffe://corp.example/agent/triage-{index}";

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Event ids of the injected attack, in order.</summary>
    public List<string> AttackEvents { get; } = [];

    /// <summary>The destination of an event this fleet produced.</summary>
    public string DestinationOf(string eventId) => _destinations[eventId];

    public void WriteTo(string path) => File.WriteAllLines(path, _lines);

    private void Session(string agent, string session, DateTimeOffset at, Random random)
    {
        int steps = 4 + random.Next(0, 4);
        for (int i = 0; i < steps; i++)
        {
            var (tool, action) = Routine[i % Routine.Length];
            Add(agent, session, at.AddSeconds(i * 20), tool, action, "internal", "tickets.corp.example", bytesOut: 400 + random.Next(0, 200));
        }
    }

    private void Attack(string agent, DateTimeOffset at)
    {
        int step = 0;
        Add(agent, AttackSession, at, "search_tickets", "read", "internal", "tickets.corp.example", 500, attack: true);
        for (int i = 0; i < 6; i++)
            Add(agent, AttackSession, at.AddSeconds(++step * 5), "read_customer_records", "read", "restricted", "crm.corp.example", 300, attack: true);
        for (int i = 0; i < 3; i++)
            Add(agent, AttackSession, at.AddSeconds(++step * 5), "grant_role", "privilege", "restricted", "iam.corp.example", 200, attack: true);
        for (int i = 0; i < 4; i++)
            Add(agent, AttackSession, at.AddSeconds(++step * 5), "export_data", "transfer", "restricted", AttackDestination, 5_000_000, attack: true);
    }

    private void Add(string agent, string session, DateTimeOffset at, string tool, string action, string sensitivity, string destination, long bytesOut, bool attack = false)
    {
        string id = "e-" + (_next++).ToString("D6", CultureInfo.InvariantCulture);
        if (attack)
            AttackEvents.Add(id);
        _destinations[id] = destination;
        var e = EventJson.Valid(id, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), agent, session, tool)
            .With("action", action)
            .With("sensitivity", sensitivity)
            .With("destination", destination)
            .With("resource", $"{tool}/{_next % 50}")
            .With("tenant", "acme")
            .With("bytes_out", JsonValue.Create(bytesOut));
        _lines.Add(e.Line());
    }
}
