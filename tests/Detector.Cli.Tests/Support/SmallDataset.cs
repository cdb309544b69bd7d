using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.Support;

/// <summary>
/// A small labelled fleet made by `detector simulate` (12 agents, 3 history days, 1 test day, 2% of
/// test lines garbled) and a model made from it by `detector train`, once for the end-to-end tests.
/// </summary>
public sealed class SmallDataset : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("agentdrift-cli");

    public string Data => _dir.File("data");

    public string History => Path.Combine(Data, "history.jsonl");

    public string Events => Path.Combine(Data, "events.jsonl");

    public string Labels => Path.Combine(Data, "labels.jsonl");

    public string Model => _dir.File("model");

    public string TrainOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await DetectorCli.SucceedAsync("simulate", "--out", Data, "--seed", "3", "--agents", "12", "--history-days", "3", "--test-days", "1",
            "--attack-rate", "0.1", "--noise-rate", "0.02");
        TrainOutput = (await DetectorCli.SucceedAsync("train", "--input", History, "--model", Model)).Output;
    }

    /// <summary>A copy of the model for a test that changes it (evaluation appends to its card).</summary>
    public string CopyModelTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string file in Directory.GetFiles(Model))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
