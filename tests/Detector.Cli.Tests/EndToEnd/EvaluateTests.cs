using System.Text.Json.Nodes;
using Detector.Cli.Tests.Support;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Cli.Tests.EndToEnd;

/// <summary>`detector evaluate` writes its three report files and appends its figures to the model card.</summary>
[Collection(CliCollection.Name)]
public sealed class EvaluateTests(SmallDataset data)
{
    [Fact]
    public async Task Evaluate_writes_the_reports_and_appends_its_figures_to_the_model_card()
    {
        using var dir = new TempDirectory();
        string model = data.CopyModelTo(dir.File("model"));
        string card = Path.Combine(model, ModelCard.FileName);
        string before = File.ReadAllText(card);
        string report = dir.File("report");

        var run = await DetectorCli.SucceedAsync("evaluate", "--input", data.Events, "--labels", data.Labels, "--model", model,
            "--history", data.History, "--report", report);

        Assert.True(File.Exists(Path.Combine(report, "report.md")));
        Assert.Contains("<html", File.ReadAllText(Path.Combine(report, "curves.html")), StringComparison.OrdinalIgnoreCase);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "report.json")))!;
        string version = JsonNode.Parse(File.ReadAllText(Path.Combine(model, ModelStore.ManifestFile)))!["version"]!.GetValue<string>();
        Assert.Equal(version, json["model_version"]!.GetValue<string>());
        Assert.True(json["malicious_sessions"]!.GetValue<int>() > 0);
        Assert.True(json["benign_sessions"]!.GetValue<int>() > 0);
        Assert.NotNull(json["model"]!["roc_auc"]);
        Assert.NotNull(json["baseline"]!["recall"]);

        string after = File.ReadAllText(card);
        Assert.StartsWith(before, after, StringComparison.Ordinal);
        Assert.True(after.Length > before.Length);
        string appended = after[before.Length..].Trim();
        string markdown = File.ReadAllText(Path.Combine(report, "report.md")).Trim();
        Assert.Equal(markdown, appended);
        Assert.Contains(Path.GetFileName(data.Events), appended, StringComparison.Ordinal);
        Assert.Contains(markdown.Split('\n')[0].Trim(), run.Output, StringComparison.Ordinal);
    }
}
