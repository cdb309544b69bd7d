using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>`--input -` reads the events from standard input and scores them exactly as from the file.</summary>
[Collection(CliCollection.Name)]
public sealed class StdinReplayTests(SmallDataset data)
{
    [Fact]
    public async Task Replaying_from_stdin_gives_the_outputs_of_replaying_the_file()
    {
        using var dir = new TempDirectory();
        var fromFile = ReplayOutputs.In(dir.File("file"));
        var fromStdin = ReplayOutputs.In(dir.File("stdin"));
        await DetectorCli.SucceedAsync(["replay", "--input", data.Events, "--model", data.Model, .. fromFile.Flags]);

        var run = await DetectorCli.RunAsync(["replay", "--input", "-", "--model", data.Model, .. fromStdin.Flags], File.ReadAllBytes(data.Events));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(ReplayOutputs.Lines(fromStdin.Alerts) > 0);
        Assert.Equal(File.ReadAllBytes(fromFile.Alerts), File.ReadAllBytes(fromStdin.Alerts));
        Assert.Equal(File.ReadAllBytes(fromFile.Signals), File.ReadAllBytes(fromStdin.Signals));
        Assert.Equal(File.ReadAllBytes(fromFile.Scores), File.ReadAllBytes(fromStdin.Scores));
        // Dead letters name their source: the same line numbers, "stdin" for the file name.
        var fileLetters = File.ReadLines(fromFile.DeadLetters).Select(l => JsonNode.Parse(l)!).ToList();
        var stdinLetters = File.ReadLines(fromStdin.DeadLetters).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(stdinLetters);
        Assert.Equal(fileLetters.Select(l => l["original_base64"]!.GetValue<string>()), stdinLetters.Select(l => l["original_base64"]!.GetValue<string>()));
        Assert.Equal(
            fileLetters.Select(l => "stdin:" + l["source"]!.GetValue<string>().Split(':')[^1]),
            stdinLetters.Select(l => l["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Alerts_written_to_stdout_are_the_only_output_there_and_equal_the_alert_file()
    {
        using var dir = new TempDirectory();
        await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model, "--alerts", dir.File("alerts.jsonl"));

        var run = await DetectorCli.RunAsync(["replay", "--input", "-", "--model", data.Model, "--alerts", "-"], File.ReadAllBytes(data.Events));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(new FileInfo(dir.File("alerts.jsonl")).Length > 0);
        // The summary and progress go to standard error when data goes to standard output.
        Assert.Equal(File.ReadAllBytes(dir.File("alerts.jsonl")), run.StandardOutput);
        Assert.Contains("records read", run.StandardError, StringComparison.Ordinal);
    }
}
