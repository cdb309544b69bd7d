using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>A model written by <see cref="ModelStore"/> and read back scores exactly like the one training produced.</summary>
public sealed class ModelRoundTripTests
{
    [Fact]
    public void A_saved_and_loaded_model_scores_a_replay_exactly_like_the_trained_one()
    {
        var fleet = Fleet.Instance;
        using var dir = new TempDirectory();
        ModelStore.Save(fleet.Model, dir.Path);

        var loaded = ModelStore.Load(dir.Path);
        var trained = ShardRun.Replay(fleet.Model, fleet.Events);
        var reloaded = ShardRun.Replay(loaded, fleet.Events);

        Assert.Contains(trained, s => s.Alerts.Count > 0);
        Assert.Equal(trained.Select(s => (s.EventId, s.Risk)), reloaded.Select(s => (s.EventId, s.Risk)));
        Assert.Equal(trained.SelectMany(s => s.AlertFacts), reloaded.SelectMany(s => s.AlertFacts));
    }

    [Fact]
    public void A_loaded_model_keeps_its_version_training_window_agents_and_groups()
    {
        var model = Fleet.Instance.Model;
        using var dir = new TempDirectory();
        ModelStore.Save(model, dir.Path);

        var loaded = ModelStore.Load(dir.Path);

        Assert.Equal(model.Version, loaded.Version);
        Assert.Equal(model.Metadata.TrainedFrom, loaded.Metadata.TrainedFrom);
        Assert.Equal(model.Metadata.TrainedTo, loaded.Metadata.TrainedTo);
        Assert.Equal(model.Metadata.GroupNames, loaded.Metadata.GroupNames);
        Assert.Equal(model.Agents.Keys.Select(k => k.Value).Order(StringComparer.Ordinal), loaded.Agents.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
        Assert.All(model.Agents, kv => Assert.Equal(kv.Value, loaded.Agents[kv.Key]));
        Assert.Equal(model.GroupOf.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal), loaded.GroupOf.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal));
        Assert.Equal(model.Calibration.SampleSize, loaded.Calibration.SampleSize);
    }

    [Fact]
    public void Training_the_same_history_twice_writes_byte_identical_model_files()
    {
        var fleet = Fleet.Instance;
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        ModelStore.Save(fleet.Model, first.Path);
        ModelStore.Save(Fleet.Train(fleet.History), second.Path);

        foreach (string file in new[] { ModelStore.ManifestFile, ModelStore.BaselinesFile })
            Assert.Equal(File.ReadAllBytes(first.File(file)), File.ReadAllBytes(second.File(file)));
    }
}
