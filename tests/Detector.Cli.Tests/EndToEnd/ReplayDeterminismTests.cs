using Detector.Cli.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>The same input, model and settings give byte-identical output files, on a stream that does alert.</summary>
[Collection(CliCollection.Name)]
public sealed class ReplayDeterminismTests(SmallDataset data)
{
    [Fact]
    public async Task Replaying_twice_writes_byte_identical_files()
    {
        using var dir = new TempDirectory();
        var first = ReplayOutputs.In(dir.File("first"));
        var second = ReplayOutputs.In(dir.File("second"));

        await DetectorCli.SucceedAsync(["replay", "--input", data.Events, "--model", data.Model, .. first.Flags]);
        await DetectorCli.SucceedAsync(["replay", "--input", data.Events, "--model", data.Model, .. second.Flags]);

        Assert.True(ReplayOutputs.Lines(first.Alerts) > 0, "the stream raised no alert");
        foreach (var ((_, a), (_, b)) in first.Files.Zip(second.Files))
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }
}
