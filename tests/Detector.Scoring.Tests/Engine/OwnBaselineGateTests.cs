using System.Text.Json.Nodes;
using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.Scoring.Model;
using Detector.Scoring.Tests.Detectors;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>
/// An agent's own baseline judges it only when the model's calibration saw busy agents judged that way:
/// a history shorter than the learning period calibrates the peer-judged regime only, and agents that
/// finish learning after training stay on their peer groups until a model from a longer history arrives.
/// </summary>
public sealed class OwnBaselineGateTests
{
    private static readonly DetectorScenario PasteSiteSend = new NewDestinationTests().Anomalous();

    [Fact]
    public void A_history_long_enough_to_finish_learning_calibrates_own_baselines_and_they_judge()
    {
        var options = ShadowReplay.Options();
        var model = ShadowReplay.Train(PasteSiteSend.History, options);

        var findings = ShadowReplay.Run(PasteSiteSend, new NoveltyDetector(), options: options, model: model).Findings(EvidenceKind.NewDestination).ToList();

        Assert.True(model.OwnBaselinesCalibrated, $"own-baseline share {model.OwnBaselineShare:P0}");
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(FindingScope.Agent, f.Scope));
    }

    [Fact]
    public void Agents_that_finish_learning_only_after_a_short_history_are_judged_by_their_peer_group()
    {
        // Four days of history and a five-day learning period: every agent finishes learning on the test day.
        var options = ShadowReplay.Options();
        options.LearningDays = Habits.HistoryDays + 1;
        var model = ShadowReplay.Train(PasteSiteSend.History, options);

        var gated = ShadowReplay.Run(PasteSiteSend, new NoveltyDetector(), options: options, model: model).Findings(EvidenceKind.NewDestination).ToList();
        var ungated = ShadowReplay.Run(PasteSiteSend, new NoveltyDetector(), options: options, model: model with { OwnBaselineShare = 1 }).Findings(EvidenceKind.NewDestination).ToList();

        Assert.Equal(0, model.OwnBaselineShare);
        Assert.NotEmpty(gated);
        Assert.All(gated, f => Assert.Equal(FindingScope.PeerGroup, f.Scope));
        Assert.Contains(ungated, f => f.Scope == FindingScope.Agent);
    }

    [Fact]
    public void The_share_is_kept_in_the_model_and_a_model_written_before_it_existed_reads_as_one()
    {
        var model = ShadowReplay.Train(PasteSiteSend.History, ShadowReplay.Options()) with { OwnBaselineShare = 0.25 };
        using var dir = new TempDirectory();
        ModelStore.Save(model, dir.Path);

        double kept = ModelStore.Load(dir.Path).OwnBaselineShare;
        string manifest = dir.File(ModelStore.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        Assert.True(json["calibration"]!.AsObject().Remove("own_baseline_share"));
        File.WriteAllText(manifest, json.ToJsonString());
        double older = ModelStore.Load(dir.Path).OwnBaselineShare;

        Assert.Equal(0.25, kept);
        Assert.Equal(1, older);
    }
}
