using Detector.Cli.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.Export;

/// <summary>`export` over damaged inputs: a bad line is counted and skipped; a missing or unreadable input stops it with the file named.</summary>
[Collection(CliCollection.Name)]
public sealed class ExportInputTests(SmallDataset data)
{
    [Fact]
    public async Task A_bad_line_in_each_input_is_counted_with_its_line_number_and_every_good_line_is_still_exported()
    {
        using var dir = new TempDirectory();
        var history = await History.ReplayAsync(data, dir);
        string scores = WithLineAt(history.Scores, dir.File("scores-damaged.jsonl"), 2, "{\"session_id\":\"ses_cut");
        string alerts = WithLineAt(history.Alerts, dir.File("alerts-damaged.jsonl"), 1, "{\"alert_id\":\"a-1\",\"features\":{}}");
        string labels = WithLineAt(data.Labels, dir.File("labels-damaged.jsonl"), 3, "not json at all");

        var run = await DetectorCli.SucceedAsync("export", "--scores", scores, "--alerts", alerts, "--labels", labels, "--out", dir.Path, "--prefix", "out");

        Assert.Equal((1, 2), (run.SummaryCount("bad lines: scores"), run.SummaryCount("first bad line: scores")));
        Assert.Equal((1, 1), (run.SummaryCount("bad lines: alerts"), run.SummaryCount("first bad line: alerts")));
        Assert.Equal((1, 3), (run.SummaryCount("bad lines: labels"), run.SummaryCount("first bad line: labels")));
        Assert.Equal(history.ScoreLines.Count, run.SummaryCount("scores read"));
        Assert.Equal(history.AlertLines.Count, run.SummaryCount("alerts read"));
        var files = ExportedFiles.Read(dir.Path, "out");
        files.AssertAgree();
        Assert.Equal(history.ScoreLines.Select(s => (string)s["session_id"]!), files.JsonRows.Select(r => (string)r["session_id"]!));
    }

    [Fact]
    public async Task A_missing_input_a_file_that_is_no_feedback_database_or_no_input_at_all_exits_with_2_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        string notADatabase = dir.File("feedback.db");
        File.WriteAllText(notADatabase, "verdicts, as a spreadsheet\n");
        string missing = dir.File("missing-alerts.jsonl");

        var noFile = await DetectorCli.RunAsync(["export", "--alerts", missing, "--out", dir.File("out")]);
        var noDatabase = await DetectorCli.RunAsync(["export", "--feedback", notADatabase, "--out", dir.File("out")]);
        var nothing = await DetectorCli.RunAsync(["export", "--out", dir.File("out")]);

        Assert.Equal((2, 2, 2), (noFile.ExitCode, noDatabase.ExitCode, nothing.ExitCode));
        Assert.Contains(Squashed($"alerts file '{missing}' does not exist"), Squashed(noFile.Output), StringComparison.Ordinal);
        Assert.Contains(Squashed($"feedback database '{notADatabase}' cannot be read"), Squashed(noDatabase.Output), StringComparison.Ordinal);
        Assert.Contains(Squashed("--scores, --alerts or --feedback"), Squashed(nothing.Output), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    /// <summary>Text without white space: the terminal wraps long error lines wherever it likes.</summary>
    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A copy of a JSONL file with one more line inserted so that it becomes line <paramref name="lineNumber"/>.</summary>
    private static string WithLineAt(string source, string copy, int lineNumber, string line)
    {
        var lines = File.ReadAllLines(source).ToList();
        lines.Insert(lineNumber - 1, line);
        File.WriteAllLines(copy, lines);
        return copy;
    }
}
