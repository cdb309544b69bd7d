using System.CommandLine;
using System.Globalization;
using Detector.Cli.Console;
using Detector.Hosting.Export;
using Spectre.Console;

namespace Detector.Cli.Commands;

/// <summary>`detector export`: labelled sessions and their features (JSONL and CSV) from feedback and history, for retraining.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var scores = new Option<string?>("--scores") { Description = "Session scores (JSONL) from `detector replay --scores`: every session and its highest risk." };
        var alerts = new Option<string?>("--alerts") { Description = "Alerts (JSONL) from `detector replay --alerts`: each session's alert ids, kinds and features." };
        var feedback = new Option<string?>("--feedback") { Description = "The analysts' feedback database (Web:FeedbackDatabase): a confirmed alert labels its session malicious, a false positive benign." };
        var labels = new Option<string?>("--labels") { Description = "labels.jsonl from `detector simulate`: ground truth for the sessions no analyst judged." };
        var output = new Option<string>("--out") { Description = "Directory for PREFIX.jsonl and PREFIX.csv (created if missing).", DefaultValueFactory = _ => "." };
        var prefix = new Option<string>("--prefix") { Description = "File name of both outputs, without extension.", DefaultValueFactory = _ => "sessions" };
        var labelledOnly = new Option<bool>("--labelled-only") { Description = "Leave out sessions with no label." };

        var command = new Command("export", "Write labelled sessions and their features (JSONL and CSV) from feedback and history, for retraining.")
        {
            scores, alerts, feedback, labels, output, prefix, labelledOnly,
        };
        command.SetAction(async (result, ct) =>
        {
            var request = new ExportRequest(result.GetValue(scores), result.GetValue(alerts), result.GetValue(feedback), result.GetValue(labels),
                result.GetValue(output)!, result.GetValue(prefix)!, result.GetValue(labelledOnly));
            try
            {
                var job = new ExportJob(request);
                var summary = await ProgressDisplay.RunAsync("exporting", () => job.Fraction, () => job.RunAsync(ct));
                Print(summary);
                return 0;
            }
            catch (IOException e)
            {
                // Missing or unreadable inputs and unwritable outputs: the message names the file.
                Terminal.Error(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static void Print(ExportSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("export").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var input in s.Inputs)
        {
            table.AddRow($"{input.What} read", input.Records.ToString("#,0", c));
            table.AddRow($"bad lines: {input.What}", input.BadLines.ToString("#,0", c));
            if (input.FirstBadLine is { } line)
                table.AddRow($"first bad line: {input.What}", line.ToString("#,0", c));
        }
        table.AddRow("judged alerts", s.JudgedAlerts.ToString("#,0", c));
        table.AddRow("sessions known only from feedback", s.SessionsOnlyInFeedback.ToString("#,0", c));
        table.AddRow("labels without a session", s.LabelsWithoutSession.ToString("#,0", c));
        table.AddRow("sessions exported", s.Rows.ToString("#,0", c));
        table.AddRow("  malicious", s.Malicious.ToString("#,0", c));
        table.AddRow("  benign", s.Benign.ToString("#,0", c));
        table.AddRow("  unlabelled", s.Unlabelled.ToString("#,0", c));
        if (s.UnlabelledLeftOut > 0)
            table.AddRow("unlabelled left out", s.UnlabelledLeftOut.ToString("#,0", c));
        table.AddRow("feature columns", s.FeatureColumns.ToString("#,0", c));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"wrote {s.JsonLinesPath} and {s.CsvPath}");
    }
}
