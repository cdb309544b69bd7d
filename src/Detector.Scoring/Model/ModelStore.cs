using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Domain.Wire;
using Detector.Scoring.Fusion;

namespace Detector.Scoring.Model;

/// <summary>
/// Reads and writes a model directory: <c>model.json</c> (format version, training window, counts,
/// calibration summary, thresholds, checksum) beside <c>baselines.bin</c> (the binary baselines).
/// Writes go to temporary files renamed into place, so a reader never sees half a model. A model of
/// another format version, or whose baselines do not match their checksum, is refused with a message
/// saying what to do.
/// </summary>
public static class ModelStore
{
    public const string ManifestFile = "model.json";
    public const string BaselinesFile = "baselines.bin";
    private const uint Magic = 0x424D4441; // "ADMB" little-endian

    public static void Save(DetectorModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        byte[] baselines = SerializeBaselines(model);
        WriteAtomically(Path.Combine(directory, BaselinesFile), baselines);
        using var manifest = new MemoryStream();
        using (var w = new Utf8JsonWriter(manifest, new JsonWriterOptions { Indented = true, Encoder = ContractJson.WriterOptions.Encoder }))
            WriteManifest(w, model, Convert.ToHexStringLower(SHA256.HashData(baselines)));
        manifest.WriteByte((byte)'\n');
        WriteAtomically(Path.Combine(directory, ManifestFile), manifest.ToArray());
    }

    /// <summary>Whether <paramref name="e"/> is how <see cref="Load"/> refuses a directory that holds no model this build can read.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or ModelFormatException or JsonException;

    public static DetectorModel Load(string directory)
    {
        string manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
            throw new ModelFormatException($"no model at '{directory}': {ManifestFile} is missing. Train one with `./detector train --input HISTORY.jsonl --model {directory}`.");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var root = doc.RootElement;
        int format = root.GetProperty("format_version").GetInt32();
        if (format != DetectorModel.FormatVersion)
            throw new ModelFormatException($"the model at '{directory}' has format version {format}, and this build reads version {DetectorModel.FormatVersion}. Retrain it with this build (`./detector train`) or run the build that wrote it.");
        byte[] baselines = File.ReadAllBytes(Path.Combine(directory, BaselinesFile));
        string expected = root.GetProperty("baselines_sha256").GetString()!;
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(baselines)), expected, StringComparison.Ordinal))
            throw new ModelFormatException($"the model at '{directory}' is damaged: {BaselinesFile} does not match the checksum in {ManifestFile}.");

        var thresholds = root.TryGetProperty("thresholds", out var t) && t.ValueKind == JsonValueKind.Object
            ? new SeverityThresholds(t.GetProperty("low").GetDouble(), t.GetProperty("medium").GetDouble(), t.GetProperty("high").GetDouble(), t.GetProperty("critical").GetDouble())
            : null;
        var window = root.GetProperty("training");
        var metadata = new ModelMetadata(
            EventTime.Parse(window.GetProperty("from").GetString()!),
            EventTime.Parse(window.GetProperty("to").GetString()!),
            window.GetProperty("events").GetInt64(),
            window.GetProperty("sessions").GetInt64(),
            window.GetProperty("calibration_sessions").GetInt32(),
            root.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray());
        var ruleRates = root.GetProperty("rule_rates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        double ownShare = root.GetProperty("calibration").TryGetProperty("own_baseline_share", out var share) ? share.GetDouble() : 1;
        return ReadBaselines(baselines, root.GetProperty("version").GetString()!, metadata, thresholds) with { RuleRates = ruleRates, OwnBaselineShare = ownShare };
    }

    private static void WriteManifest(Utf8JsonWriter w, DetectorModel model, string checksum)
    {
        var m = model.Metadata;
        w.WriteStartObject();
        w.WriteNumber("format_version", DetectorModel.FormatVersion);
        w.WriteString("version", model.Version);
        w.WriteStartObject("training");
        ContractJson.WriteTime(w, "from", m.TrainedFrom);
        ContractJson.WriteTime(w, "to", m.TrainedTo);
        w.WriteNumber("events", m.Events);
        w.WriteNumber("sessions", m.Sessions);
        w.WriteNumber("calibration_sessions", m.CalibrationSessions);
        w.WriteNumber("agents", model.Agents.Count);
        w.WriteEndObject();
        w.WriteStartObject("calibration");
        w.WriteString("statistic", "-log10 Fisher p of the session's strongest evidence per kind (Sidak-corrected)");
        w.WriteNumber("sample_size", model.Calibration.SampleSize);
        w.WriteNumber("tail_start", ContractJson.Round(model.Calibration.TailStart));
        w.WriteNumber("tail_mean_excess", ContractJson.Round(model.Calibration.MeanExcess));
        w.WriteNumber("own_baseline_share", ContractJson.Round(model.OwnBaselineShare));
        w.WriteEndObject();
        if (model.Thresholds is { } th)
        {
            w.WriteStartObject("thresholds");
            w.WriteNumber("low", th.Low);
            w.WriteNumber("medium", th.Medium);
            w.WriteNumber("high", th.High);
            w.WriteNumber("critical", th.Critical);
            w.WriteEndObject();
        }
        w.WriteStartObject("rule_rates");
        foreach (var (rule, rate) in model.RuleRates.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            w.WriteNumber(rule, ContractJson.Round(rate));
        w.WriteEndObject();
        w.WriteStartArray("groups");
        foreach (string g in m.GroupNames)
            w.WriteStringValue(g);
        w.WriteEndArray();
        w.WriteString("baselines", BaselinesFile);
        w.WriteString("baselines_sha256", checksum);
        w.WriteEndObject();
    }

    private static byte[] SerializeBaselines(DetectorModel model)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Magic);
            w.Write(DetectorModel.FormatVersion);
            model.Calibration.Write(w);
            w.Write(model.FamilyCalibrations.Count);
            foreach (var family in model.FamilyCalibrations)
                family.Write(w);
            w.Write(model.Groups.Count);
            foreach (var g in model.Groups)
                WriteBytes(w, g);
            w.Write(model.Agents.Count);
            foreach (var (agent, bytes) in model.Agents.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
            {
                w.Write(agent.Value);
                w.Write(model.GroupOf.TryGetValue(agent, out int group) ? group : -1);
                WriteBytes(w, bytes);
            }
        }
        return stream.ToArray();
    }

    private static DetectorModel ReadBaselines(byte[] data, string version, ModelMetadata metadata, SeverityThresholds? thresholds)
    {
        using var r = new BinaryReader(new MemoryStream(data, writable: false));
        if (r.ReadUInt32() != Magic)
            throw new ModelFormatException($"{BaselinesFile} is not an AgentDrift baselines file");
        int format = r.ReadInt32();
        if (format != DetectorModel.FormatVersion)
            throw new ModelFormatException(string.Format(CultureInfo.InvariantCulture, "{0} has format version {1}; this build reads {2}", BaselinesFile, format, DetectorModel.FormatVersion));
        var calibration = TailCalibration.Read(r);
        var families = new TailCalibration[r.ReadInt32()];
        if (families.Length != Evidence.EvidenceKinds.FamilyCount)
            throw new ModelFormatException($"{BaselinesFile} has {families.Length} detector families; this build has {Evidence.EvidenceKinds.FamilyCount}");
        for (int i = 0; i < families.Length; i++)
            families[i] = TailCalibration.Read(r);
        var groups = new byte[r.ReadInt32()][];
        for (int i = 0; i < groups.Length; i++)
            groups[i] = ReadBytes(r);
        int agents = r.ReadInt32();
        var profiles = new Dictionary<AgentId, byte[]>(agents);
        var groupOf = new Dictionary<AgentId, int>(agents);
        for (int i = 0; i < agents; i++)
        {
            var agent = new AgentId(r.ReadString());
            int group = r.ReadInt32();
            if (group >= 0)
                groupOf[agent] = group;
            profiles[agent] = ReadBytes(r);
        }
        return new DetectorModel
        {
            Version = version,
            Metadata = metadata,
            Calibration = calibration,
            FamilyCalibrations = families,
            Thresholds = thresholds,
            Groups = groups,
            GroupOf = groupOf,
            Agents = profiles,
        };
    }

    private static void WriteBytes(BinaryWriter w, byte[] bytes)
    {
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader r)
    {
        int length = r.ReadInt32();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
            throw new ModelFormatException($"{BaselinesFile} is truncated or corrupt");
        return r.ReadBytes(length);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>A model directory that this build cannot use, with what to do about it.</summary>
public sealed class ModelFormatException(string message) : Exception(message);
