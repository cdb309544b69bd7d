using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>An output flag left out means that file is not written; rejects are still counted in the summary.</summary>
[Collection(CliCollection.Name)]
public sealed class OmittedOutputTests(SmallDataset data)
{
    [Fact]
    public async Task Without_a_dead_letter_flag_no_dead_letter_file_is_written_and_the_summary_still_counts_every_reject()
    {
        using var dir = new TempDirectory();
        var full = ReplayOutputs.In(dir.File("full"));
        var partial = ReplayOutputs.In(dir.File("partial"));
        await DetectorCli.SucceedAsync(["replay", "--input", data.Events, "--model", data.Model, .. full.Flags]);
        var expected = File.ReadLines(full.DeadLetters)
            .GroupBy(l => JsonNode.Parse(l)!["reason"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => (long)g.Count());

        var run = await DetectorCli.SucceedAsync("replay", "--input", data.Events, "--model", data.Model, "--scores", partial.Scores);

        Assert.Equal([partial.Scores], Directory.GetFiles(partial.Directory));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), run.RejectsByReason().OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(full.Scores), File.ReadAllBytes(partial.Scores));
    }

    [Fact]
    public async Task Without_any_output_flag_nothing_is_written_and_the_summary_still_counts_records_and_rejects()
    {
        using var dir = new TempDirectory();
        string input = dir.File("events.jsonl");
        File.Copy(data.Events, input);

        var run = await DetectorCli.SucceedAsync("replay", "--input", input, "--model", data.Model);

        Assert.Equal([input], Directory.GetFiles(dir.Path));
        long records = File.ReadLines(data.Events).Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(records, run.SummaryCount("records read"));
        Assert.Equal(records, run.SummaryCount("events applied") + run.RejectsByReason().Values.Sum()
            + run.SummaryCount("duplicates dropped") + run.SummaryCount("late events (dead-lettered)") + run.SummaryCount("future events (dead-lettered)"));
        Assert.NotEmpty(run.RejectsByReason());
    }
}
