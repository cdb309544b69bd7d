using System.Text.RegularExpressions;
using Detector.Domain.Events;
using Xunit;

namespace Detector.Simulation.Tests;

/// <summary>Attack events must be told apart by behaviour, not by values no benign event could have.</summary>
[Collection(SmallFleetCollection.Name)]
public sealed partial class SeparabilityTests(SmallFleet fleet)
{
    private readonly SimulationRun _run = fleet.Run;
    private readonly HashSet<string> _malicious = fleet.Run.Labels.Where(l => l.Malicious).Select(l => l.SessionId).ToHashSet();

    private IEnumerable<ToolEvent> AttackEvents => _run.Events.Where(e => _malicious.Contains(e.Session.Value));

    private IEnumerable<ToolEvent> BenignEvents => _run.History.Concat(_run.Events.Where(e => !_malicious.Contains(e.Session.Value)));

    [Fact]
    public void Attack_sessions_use_no_tool_missing_from_benign_history()
    {
        var known = _run.History.Select(e => e.Tool).ToHashSet();
        Assert.All(AttackEvents, e => Assert.Contains(e.Tool, known));
    }

    [Fact]
    public void Attack_transfer_destinations_have_the_lengths_of_benign_ones()
    {
        // Lengths are compared per kind of destination (host, mailbox, webhook, account): one tool's benign
        // destinations come from a few agents' address books, too few distinct values to bound a length.
        static string Kind(string d) => d.StartsWith("https://", StringComparison.Ordinal) ? "webhook"
            : d.Contains('@') ? "email" : d.StartsWith('#') ? "channel" : char.IsAsciiDigit(d[^1]) && !d.Contains('.') ? "account" : "host";
        var benign = BenignEvents.Where(e => e.Destination is not null).GroupBy(e => Kind(e.Destination!))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Destination!.Length).Order().ToArray());
        var attacks = AttackEvents.Where(e => e.Action == ToolAction.Transfer && e.Destination is not null).ToList();
        Assert.NotEmpty(attacks);
        foreach (var e in attacks)
        {
            var lengths = benign[Kind(e.Destination!)];
            Assert.True(e.Destination!.Length >= lengths[0] - 4 && e.Destination.Length <= lengths[^1] + 4,
                $"{e.Tool}: {e.Destination} ({e.Destination.Length}) vs benign {lengths[0]}..{lengths[^1]} over {lengths.Length}");
        }
        var allBenign = benign.Values.SelectMany(v => v).Order().ToArray();
        double median = Median(attacks.Select(e => (double)e.Destination!.Length));
        Assert.InRange(median, allBenign[allBenign.Length / 10], allBenign[allBenign.Length * 9 / 10]);
    }

    [Fact]
    public void Attack_destinations_have_the_forms_of_benign_ones()
    {
        var forms = BenignEvents.Where(e => e.Destination is not null).Select(e => (e.Tool, Form(e.Destination!))).ToHashSet();
        Assert.All(AttackEvents.Where(e => e.Destination is not null), e => Assert.Contains((e.Tool, Form(e.Destination!)), forms));
    }

    [Fact]
    public void Attack_events_carry_no_field_or_argument_that_benign_events_of_the_tool_lack()
    {
        var malicious = _malicious;
        var benignLines = _run.HistoryLines.Concat(_run.EventLines).Where(l => !malicious.Contains(SessionOf(l)));
        var benign = benignLines.Select(Shape).GroupBy(s => s.Tool).ToDictionary(g => g.Key, g => g.Select(s => s.Fields).ToHashSet());
        foreach (var line in _run.EventLines.Where(l => malicious.Contains(SessionOf(l))))
        {
            var (tool, fields) = Shape(line);
            Assert.True(benign[tool].Contains(fields), $"{tool} never carries [{fields}] in benign traffic");
        }
    }

    [Fact]
    public void Attack_intents_follow_the_templates_of_benign_intents()
    {
        var templates = BenignEvents.Select(e => Template(e.Intent!)).ToHashSet();
        Assert.All(AttackEvents, e => Assert.Contains(Template(e.Intent!), templates));
    }

    [Fact]
    public void Ids_have_one_length_per_kind_whoever_they_belong_to()
    {
        var all = _run.History.Concat(_run.Events).ToList();
        Assert.Single(all.Select(e => e.EventId.Length).Distinct());
        Assert.Single(all.Select(e => e.Session.Value.Length).Distinct());
        Assert.Single(all.Select(e => e.CredentialId!.Length).Distinct());
    }

    private static (string Tool, string Fields) Shape(string line)
    {
        using var document = System.Text.Json.JsonDocument.Parse(line);
        var root = document.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        if (root.TryGetProperty("arguments", out var args))
            names.AddRange(args.EnumerateObject().Select(p => "arguments." + p.Name));
        // Delegation and approvals are optional on every tool; they are compared elsewhere.
        names.RemoveAll(n => n is "parent_agent_id" or "parent_session_id" or "approval_id");
        return (root.GetProperty("tool").GetString()!, string.Join(',', names));
    }

    private static string SessionOf(string line) => SessionField().Match(line).Groups[1].Value;

    /// <summary>A destination with its words collapsed: "sftp.kelvora.com" becomes "x.x.x".</summary>
    private static string Form(string destination) => Word().Replace(destination, "x");

    /// <summary>An intent's verb and length: "triage incident INC-12 on x" becomes "triage/5".</summary>
    private static string Template(string intent) => intent.Split(' ')[0] + "/" + intent.Split(' ').Length;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [GeneratedRegex("\"session_id\":\"([^\"]*)\"")]
    private static partial Regex SessionField();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Word();
}
