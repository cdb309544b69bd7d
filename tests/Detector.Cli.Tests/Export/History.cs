using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.TestSupport;

namespace Detector.Cli.Tests.Export;

/// <summary>A real `replay` of the small dataset's test days with its model: the scores and alerts an export reads.</summary>
internal sealed record History(string Scores, string Alerts)
{
    public IReadOnlyList<JsonNode> ScoreLines => File.ReadLines(Scores).Select(l => JsonNode.Parse(l)!).ToList();

    public IReadOnlyList<JsonNode> AlertLines => File.ReadLines(Alerts).Select(l => JsonNode.Parse(l)!).ToList();

    /// <summary>Sessions with at least one alert, in the order of their first alert.</summary>
    public IReadOnlyList<string> SessionsWithAlerts => AlertLines.Select(a => (string)a["session_id"]!).Distinct().ToList();

    public static async Task<History> ReplayAsync(SmallDataset data, TempDirectory dir)
    {
        var history = new History(dir.File("scores.jsonl"), dir.File("alerts.jsonl"));
        await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model, "--scores", history.Scores, "--alerts", history.Alerts);
        if (history.SessionsWithAlerts.Count < 2)
            throw new InvalidOperationException("the small dataset's replay should alert in at least two sessions");
        return history;
    }

    /// <summary>A session's alert lines as written, in file order.</summary>
    public IReadOnlyList<string> AlertsOf(string session) =>
        File.ReadLines(Alerts).Where(l => (string)JsonNode.Parse(l)!["session_id"]! == session).ToList();

    public static string Id(string alertLine) => (string)JsonNode.Parse(alertLine)!["alert_id"]!;
}
