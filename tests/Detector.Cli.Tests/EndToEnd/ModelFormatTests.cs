using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>A model the CLI cannot use stops it with exit code 2 and a message saying why and what to do.</summary>
[Collection(CliCollection.Name)]
public sealed class ModelFormatTests(SmallDataset data)
{
    [Fact]
    public async Task Replaying_with_a_model_of_another_format_version_fails_with_a_clear_message_and_exit_code_2()
    {
        using var dir = new TempDirectory();
        string model = data.CopyModelTo(dir.File("model"));
        string manifestPath = Path.Combine(model, ModelStore.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        int other = DetectorModel.FormatVersion + 1;
        manifest["format_version"] = other;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var run = await DetectorCli.RunAsync(["replay", "--input", data.Events, "--model", model, "--alerts", dir.File("alerts.jsonl")]);

        Assert.Equal(2, run.ExitCode);
        string output = Flatten(run.Output);
        Assert.Contains($"has format version {other}, and this build reads version {DetectorModel.FormatVersion}", output, StringComparison.Ordinal);
        Assert.Contains("Retrain it with this build", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("alerts.jsonl")));
    }

    [Fact]
    public async Task Replaying_with_a_directory_that_holds_no_model_fails_with_how_to_train_one()
    {
        using var dir = new TempDirectory();

        var run = await DetectorCli.RunAsync(["replay", "--input", data.Events, "--model", dir.File("nothing-here")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("detector train", Flatten(run.Output), StringComparison.Ordinal);
    }

    /// <summary>The error as one line: the terminal wraps long messages at its width.</summary>
    private static string Flatten(string output) => string.Join(' ', output.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()));
}
