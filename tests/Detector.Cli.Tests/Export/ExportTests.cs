using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.Domain.Identity;
using Detector.TestSupport;
using Detector.Web.Feedback;
using Xunit;

namespace Detector.Cli.Tests.Export;

/// <summary>
/// `export` end to end: a real replay of the simulated fleet, a real feedback database written through
/// <see cref="FeedbackStore"/>, and the exported rows checked against both, in CSV and JSONL alike.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ExportTests(SmallDataset data)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Free text with every character RFC 4180 must quote.</summary>
    private const string BackupReason = "nightly \"backup\" job, not exfiltration\nsee ticket OPS-12";

    [Fact]
    public async Task Verdicts_and_simulator_labels_label_every_session_and_csv_and_jsonl_agree_row_for_row_with_the_replay()
    {
        using var dir = new TempDirectory();
        var history = await History.ReplayAsync(data, dir);
        var (confirmed, revised) = (history.AlertsOf(history.SessionsWithAlerts[0])[0], history.AlertsOf(history.SessionsWithAlerts[1])[^1]);
        var onlyInFeedback = ContractAlert.Parse(confirmed) with { AlertId = "feedback-only-alert", Session = new SessionId("ses_only_in_feedback") };
        using (var store = new FeedbackStore(dir.File("feedback.db")))
        {
            store.AddVerdict(ContractAlert.Parse(confirmed), Verdict.Confirmed, "dana", "confirmed with the agent's owner", Monday);
            store.AddVerdict(ContractAlert.Parse(revised), Verdict.Confirmed, "dana", "looked like exfiltration", Monday.AddMinutes(5));
            store.AddVerdict(ContractAlert.Parse(revised), Verdict.FalsePositive, "eli", BackupReason, Monday.AddHours(2));
            store.AddVerdict(onlyInFeedback, Verdict.Confirmed, "fay", "seen by the worker", Monday.AddHours(3));
        }

        var run = await DetectorCli.SucceedAsync("export", "--scores", history.Scores, "--alerts", history.Alerts, "--feedback", dir.File("feedback.db"),
            "--labels", data.Labels, "--out", dir.File("out"), "--prefix", "train");

        var files = ExportedFiles.Read(dir.File("out"), "train");
        files.AssertAgree();
        var featureNames = history.AlertLines.SelectMany(a => a["features"]!.AsObject().Select(kv => kv.Key)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["agent_id", "session_id", "label", "label_source", "verdict", "verdict_alert_id", "verdict_by", "verdict_at", "verdict_reason", "scenario",
            "score", "alert_count", "max_severity", "alert_ids", "alert_kinds", .. featureNames.Select(f => "feature_" + f)], files.Header);
        Assert.Equal([.. history.ScoreLines.Select(s => (string)s["session_id"]!), "ses_only_in_feedback"], files.JsonRows.Select(r => (string)r["session_id"]!));

        var malicious = files.Json(history.SessionsWithAlerts[0]);
        Assert.Equal(("malicious", "analyst", "confirmed", "dana", "confirmed with the agent's owner", "2026-03-02T09:00:00Z"), Label(malicious));
        Assert.Equal(History.Id(confirmed), (string)malicious["verdict_alert_id"]!);
        var benign = files.Json(history.SessionsWithAlerts[1]);
        Assert.Equal(("benign", "analyst", "false_positive", "eli", BackupReason, "2026-03-02T11:00:00Z"), Label(benign));
        Assert.Equal(BackupReason, files.Csv(history.SessionsWithAlerts[1])["verdict_reason"]);
        var fromFeedback = files.Json("ses_only_in_feedback");
        Assert.Equal(("malicious", "analyst", "confirmed", "fay", "seen by the worker", "2026-03-02T12:00:00Z"), Label(fromFeedback));
        Assert.Equal(["feedback-only-alert"], fromFeedback["alert_ids"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(onlyInFeedback.Score, (double)fromFeedback["score"]!);
        Assert.All(onlyInFeedback.Features, f => Assert.Equal(f.Value, (double)fromFeedback["feature_" + f.Name]!));

        var labels = File.ReadLines(data.Labels).Select(l => JsonNode.Parse(l)!).ToDictionary(l => (string)l["session_id"]!);
        foreach (var score in history.ScoreLines)
        {
            string session = (string)score["session_id"]!;
            var row = files.Json(session);
            Assert.Equal((string)score["agent_id"]!, (string)row["agent_id"]!);
            Assert.Equal((double)score["score"]!, (double)row["score"]!);
            Assert.Equal((int)score["alerts"]!, (int)row["alert_count"]!);
            var alerts = history.AlertsOf(session).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(alerts.Select(a => (string)a["alert_id"]!), row["alert_ids"]!.AsArray().Select(n => (string)n!));
            Assert.Equal(alerts.Select(a => (string)a["kind"]!).Distinct(), row["alert_kinds"]!.AsArray().Select(n => (string)n!));
            // Each feature from the session's latest alert that carries it; none where no alert does.
            var expected = new Dictionary<string, double>();
            foreach (var a in alerts)
            {
                foreach (var (name, value) in a["features"]!.AsObject())
                    expected[name] = (double)value!;
            }
            foreach (string f in featureNames)
                Assert.Equal(expected.TryGetValue(f, out double v) ? v : null, (double?)row["feature_" + f]);
            if (session == history.SessionsWithAlerts[0] || session == history.SessionsWithAlerts[1])
                continue;
            if (labels.TryGetValue(session, out var label))
                Assert.Equal(((string)label["label"]!, "simulator", (string)label["scenario"]!), ((string)row["label"]!, (string)row["label_source"]!, (string)row["scenario"]!));
            else
                Assert.Equal(("unlabelled", null), ((string)row["label"]!, (string?)row["label_source"]));
        }
        Assert.Equal(files.JsonRows.Count, run.SummaryCount("sessions exported"));
        Assert.Equal(3, run.SummaryCount("judged alerts"));
        Assert.Equal(1, run.SummaryCount("sessions known only from feedback"));
        Assert.Equal(0, run.SummaryCount("bad lines: alerts"));
    }

    [Fact]
    public async Task Labelled_only_leaves_out_exactly_the_sessions_no_verdict_or_label_speaks_for()
    {
        using var dir = new TempDirectory();
        var history = await History.ReplayAsync(data, dir);
        string judged = history.SessionsWithAlerts[0];
        using (var store = new FeedbackStore(dir.File("feedback.db")))
            store.AddVerdict(ContractAlert.Parse(history.AlertsOf(judged)[0]), Verdict.FalsePositive, "dana", "expected", Monday);

        var everything = await DetectorCli.SucceedAsync("export", "--scores", history.Scores, "--alerts", history.Alerts, "--feedback", dir.File("feedback.db"),
            "--out", dir.Path, "--prefix", "all");
        var labelled = await DetectorCli.SucceedAsync("export", "--scores", history.Scores, "--alerts", history.Alerts, "--feedback", dir.File("feedback.db"),
            "--out", dir.Path, "--prefix", "labelled", "--labelled-only");

        var all = ExportedFiles.Read(dir.Path, "all");
        var only = ExportedFiles.Read(dir.Path, "labelled");
        all.AssertAgree();
        only.AssertAgree();
        Assert.Equal(history.ScoreLines.Count, all.JsonRows.Count);
        Assert.Equal([judged], only.JsonRows.Select(r => (string)r["session_id"]!));
        Assert.Equal("benign", (string)only.JsonRows[0]["label"]!);
        Assert.Equal(all.JsonRows.Count - 1, labelled.SummaryCount("unlabelled left out"));
        Assert.Equal(all.JsonRows.Count - 1, everything.SummaryCount("unlabelled"));
    }

    private static (string, string, string, string, string, string) Label(JsonObject row) => (
        (string)row["label"]!, (string)row["label_source"]!, (string)row["verdict"]!, (string)row["verdict_by"]!, (string)row["verdict_reason"]!, (string)row["verdict_at"]!);
}
