using Detector.Cli.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>
/// The committed demo dataset (datasets/demo) trains and replays to schema-valid outputs. Should the
/// checkout lack it, a dataset made the way datasets/README.md describes, smaller, stands in.
/// </summary>
public sealed class DemoDatasetTests
{
    [Fact]
    public async Task The_demo_dataset_trains_and_replays_to_schema_valid_outputs()
    {
        using var dir = new TempDirectory();
        string data = Path.Combine(RepositoryRoot.Path, "datasets", "demo");
        if (!File.Exists(Path.Combine(data, "history.jsonl")) || !File.Exists(Path.Combine(data, "events.jsonl")))
        {
            data = dir.File("demo");
            await DetectorCli.SucceedAsync("simulate", "--out", data, "--seed", "7", "--agents", "12", "--history-days", "3", "--test-days", "1", "--noise-rate", "0.002");
        }
        string model = dir.File("model");
        var outputs = ReplayOutputs.In(dir.File("out"));

        await DetectorCli.SucceedAsync("train", "--input", Path.Combine(data, "history.jsonl"), "--model", model);
        var run = await DetectorCli.SucceedAsync(["replay", "--input", Path.Combine(data, "events.jsonl"), "--model", model, .. outputs.Flags]);

        Assert.True(ReplayOutputs.Lines(outputs.Alerts) > 0, "the demo raised no alert");
        Assert.True(ReplayOutputs.Lines(outputs.Scores) > 0);
        Assert.Equal(run.SummaryCount("sessions"), ReplayOutputs.Lines(outputs.Scores));
        foreach (var (schema, path) in outputs.Files)
            Assert.Empty(ContractSchemas.FileViolations(schema, path));
    }
}
