using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>`simulate`, `train` and `replay` end to end through the built CLI, every output checked against its JSON Schema.</summary>
[Collection(CliCollection.Name)]
public sealed class SimulateTrainReplayTests(SmallDataset data)
{
    [Fact]
    public async Task Replay_with_a_trained_model_writes_four_non_empty_schema_valid_outputs()
    {
        using var dir = new TempDirectory();
        var outputs = ReplayOutputs.In(dir.Path);

        var run = await DetectorCli.SucceedAsync(["replay", "--input", data.Events, "--model", data.Model, .. outputs.Flags]);

        foreach (var (schema, path) in outputs.Files)
        {
            Assert.True(File.Exists(path), $"{path} was not written");
            Assert.True(ReplayOutputs.Lines(path) > 0, $"{Path.GetFileName(path)} is empty");
            Assert.Empty(ContractSchemas.FileViolations(schema, path));
        }
        Assert.Equal(run.SummaryCount("alerts"), ReplayOutputs.Lines(outputs.Alerts));
        Assert.Equal(run.SummaryCount("quarantine signals"), ReplayOutputs.Lines(outputs.Signals));
        Assert.Equal(run.SummaryCount("sessions"), ReplayOutputs.Lines(outputs.Scores));
        Assert.Equal(run.RejectsByReason().Values.Sum() + run.SummaryCount("late events (dead-lettered)") + run.SummaryCount("future events (dead-lettered)"),
            ReplayOutputs.Lines(outputs.DeadLetters));
    }

    [Fact]
    public void Simulate_writes_history_and_labels_and_every_history_line_is_a_valid_tool_invocation()
    {
        Assert.True(ReplayOutputs.Lines(data.Labels) > 0);
        Assert.True(ReplayOutputs.Lines(data.History) > 1_000);
        Assert.Empty(ContractSchemas.FileViolations(ContractSchemas.ToolInvocation, data.History));
    }

    [Fact]
    public async Task Train_writes_a_versioned_model_with_its_card_and_replay_names_that_version()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(data.Model, ModelStore.ManifestFile)))!;
        string version = manifest["version"]!.GetValue<string>();
        using var dir = new TempDirectory();

        var run = await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model, "--alerts", dir.File("alerts.jsonl"));

        Assert.Equal(DetectorModel.FormatVersion, manifest["format_version"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(data.Model, ModelStore.BaselinesFile)));
        Assert.Contains(version, File.ReadAllText(Path.Combine(data.Model, ModelCard.FileName)), StringComparison.Ordinal);
        Assert.Contains(version, data.TrainOutput, StringComparison.Ordinal);
        Assert.Contains(version, run.Output, StringComparison.Ordinal);
        Assert.All(File.ReadLines(dir.File("alerts.jsonl")), line => Assert.Equal(version, JsonNode.Parse(line)!["model_version"]!.GetValue<string>()));
    }
}
