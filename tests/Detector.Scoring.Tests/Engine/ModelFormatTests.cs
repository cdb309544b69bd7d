using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>A model this build cannot read is refused with a message that says why and what to do, never half-read.</summary>
public sealed class ModelFormatTests
{
    private static readonly int Other = DetectorModel.FormatVersion + 1;

    [Fact]
    public void A_model_of_another_format_version_is_refused_with_the_versions_and_what_to_do()
    {
        using var dir = SavedModel();
        var manifest = JsonNode.Parse(File.ReadAllText(dir.File(ModelStore.ManifestFile)))!;
        manifest["format_version"] = Other;
        File.WriteAllText(dir.File(ModelStore.ManifestFile), manifest.ToJsonString());

        var error = Assert.Throws<ModelFormatException>(() => ModelStore.Load(dir.Path));

        Assert.Equal(
            $"the model at '{dir.Path}' has format version {Other}, and this build reads version {DetectorModel.FormatVersion}. " +
            "Retrain it with this build (`./detector train`) or run the build that wrote it.",
            error.Message);
    }

    [Fact]
    public void Baselines_of_another_format_version_are_refused_even_when_the_manifest_agrees_with_this_build()
    {
        using var dir = SavedModel();
        byte[] baselines = File.ReadAllBytes(dir.File(ModelStore.BaselinesFile));
        BinaryPrimitives.WriteInt32LittleEndian(baselines.AsSpan(4), Other);
        File.WriteAllBytes(dir.File(ModelStore.BaselinesFile), baselines);
        var manifest = JsonNode.Parse(File.ReadAllText(dir.File(ModelStore.ManifestFile)))!;
        manifest["baselines_sha256"] = Convert.ToHexStringLower(SHA256.HashData(baselines));
        File.WriteAllText(dir.File(ModelStore.ManifestFile), manifest.ToJsonString());

        var error = Assert.Throws<ModelFormatException>(() => ModelStore.Load(dir.Path));

        Assert.Contains($"format version {Other}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads {DetectorModel.FormatVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Baselines_that_do_not_match_their_checksum_are_refused_as_damaged()
    {
        using var dir = SavedModel();
        byte[] baselines = File.ReadAllBytes(dir.File(ModelStore.BaselinesFile));
        baselines[^1] ^= 0xFF;
        File.WriteAllBytes(dir.File(ModelStore.BaselinesFile), baselines);

        var error = Assert.Throws<ModelFormatException>(() => ModelStore.Load(dir.Path));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains(ModelStore.BaselinesFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_a_model_is_refused_with_how_to_train_one()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ModelFormatException>(() => ModelStore.Load(dir.Path));

        Assert.Contains($"{ModelStore.ManifestFile} is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("detector train", error.Message, StringComparison.Ordinal);
    }

    private static TempDirectory SavedModel()
    {
        var dir = new TempDirectory();
        ModelStore.Save(Fleet.Instance.Model, dir.Path);
        return dir;
    }
}
