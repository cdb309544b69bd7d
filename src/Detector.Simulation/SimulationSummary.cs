using System.Globalization;
using System.Text;

namespace Detector.Simulation;

/// <summary>What a run wrote.</summary>
/// <param name="HistoryEvents">Lines in history.jsonl.</param>
/// <param name="TestEvents">Event lines in events.jsonl, noise not included.</param>
/// <param name="NoiseLines">Garbled lines added to events.jsonl.</param>
/// <param name="HistorySessions">Sessions in history.jsonl (all benign).</param>
/// <param name="BenignTestSessions">Benign sessions in events.jsonl.</param>
/// <param name="MaliciousTestSessions">Malicious sessions in events.jsonl.</param>
/// <param name="TestSessionsByScenario">Test sessions per scenario id, ordered by id.</param>
/// <param name="RolloutRole">The role that received a new tool mid-test.</param>
/// <param name="RolloutTool">That tool (absent from history).</param>
/// <param name="RolloutAt">When it became available.</param>
public sealed record SimulationSummary(
    long HistoryEvents,
    long TestEvents,
    long NoiseLines,
    int HistorySessions,
    int BenignTestSessions,
    int MaliciousTestSessions,
    IReadOnlyDictionary<string, int> TestSessionsByScenario,
    string RolloutRole,
    string RolloutTool,
    DateTimeOffset RolloutAt)
{
    /// <summary>One line per figure, scenarios indented, for consoles and logs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"history: {HistoryEvents} events in {HistorySessions} sessions\n");
        text.Append(CultureInfo.InvariantCulture, $"test: {TestEvents} events, {BenignTestSessions} benign and {MaliciousTestSessions} malicious sessions, {NoiseLines} noise lines\n");
        text.Append(CultureInfo.InvariantCulture, $"rollout: {RolloutTool} to {RolloutRole} at {RolloutAt:yyyy-MM-dd HH:mm}Z\n");
        foreach (var (scenario, sessions) in TestSessionsByScenario)
            text.Append(CultureInfo.InvariantCulture, $"  {scenario}: {sessions}\n");
        return text.ToString();
    }
}
