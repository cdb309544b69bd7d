using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Fusion;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Model;

/// <summary>
/// A trained model: the baselines of every agent seen in training (kept serialised and thawed on an
/// agent's first event, then also its trusted anchor), the peer groups, and the calibration that
/// turns evidence into risk. Immutable once built; shards copy what they change.
/// </summary>
public sealed record DetectorModel
{
    /// <summary>Bumped whenever the layout of any persisted part changes; other versions are refused.</summary>
    public const int FormatVersion = 4;

    public required string Version { get; init; }

    public required ModelMetadata Metadata { get; init; }

    /// <summary>The session's fused statistic to risk.</summary>
    public required TailCalibration Calibration { get; init; }

    /// <summary>Each detector family's raw statistic to a benign p-value (see <see cref="Fusion.EvidenceFusion"/>).</summary>
    public required IReadOnlyList<TailCalibration> FamilyCalibrations { get; init; }

    /// <summary>Thresholds stored with the model; null means the configured ones apply.</summary>
    public SeverityThresholds? Thresholds { get; init; }

    /// <summary>
    /// How often each policy rule completed in the benign calibration sessions (rules that never did are
    /// absent): bounds the severity floor a rule may set (see <see cref="Engine.DetectionEngine.RuleFloor"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double> RuleRates { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Of the calibration sessions of agents with a learning period's worth of events by the end of training,
    /// the share whose agent was already judged by its own baseline (the rest by their peer groups', because
    /// the agent had not yet been active on enough days). Each regime has its own noise, and the calibration describes the one it saw:
    /// see <see cref="OwnBaselinesCalibrated"/>. Models written before it was measured read as 1.
    /// </summary>
    public double OwnBaselineShare { get; init; } = 1;

    /// <summary>The <see cref="OwnBaselineShare"/> from which agents' own baselines may judge them.</summary>
    public const double MinOwnBaselineShare = 0.5;

    /// <summary>
    /// Whether an agent past its learning period is judged by its own baseline. Not when the calibration
    /// saw mostly peer-judged sessions (a history too short for agents to finish learning before its
    /// calibration window): a young own baseline is far noisier than a peer group's, and risk calibrated
    /// on the quieter regime would flag its noise. Agents then stay on their peer groups, while their own
    /// baselines keep learning, until a model trained on a longer history arrives.
    /// </summary>
    public bool OwnBaselinesCalibrated => OwnBaselineShare >= MinOwnBaselineShare;

    /// <summary>Serialised peer group profiles (each shard reads its own copy).</summary>
    public required IReadOnlyList<byte[]> Groups { get; init; }

    /// <summary>Learned group of each training agent (index into <see cref="Groups"/>).</summary>
    public required IReadOnlyDictionary<AgentId, int> GroupOf { get; init; }

    /// <summary>Serialised agent profiles by agent.</summary>
    public required IReadOnlyDictionary<AgentId, byte[]> Agents { get; init; }

    /// <summary>Untrained: empty baselines that learn online, uncalibrated risk.</summary>
    public static DetectorModel Empty { get; } = new()
    {
        Version = "untrained",
        Metadata = new ModelMetadata(EventTime.MinValue, EventTime.MinValue, 0, 0, 0, []),
        Calibration = TailCalibration.Uncalibrated,
        FamilyCalibrations = Uncalibrated(),
        Groups = [],
        GroupOf = new Dictionary<AgentId, int>(),
        Agents = new Dictionary<AgentId, byte[]>(),
    };

    public static TailCalibration[] Uncalibrated() => Enumerable.Repeat(TailCalibration.Uncalibrated, Evidence.EvidenceKinds.FamilyCount).ToArray();

    public AgentProfile? ThawAgent(AgentId agent)
    {
        if (!Agents.TryGetValue(agent, out var bytes))
            return null;
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        return AgentProfile.Read(reader);
    }

    public List<PeerGroupProfile> ThawGroups()
    {
        var groups = new List<PeerGroupProfile>(Groups.Count);
        foreach (var bytes in Groups)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            groups.Add(PeerGroupProfile.Read(reader));
        }
        return groups;
    }
}

/// <summary>What a model was trained on.</summary>
public sealed record ModelMetadata(EventTime TrainedFrom, EventTime TrainedTo, long Events, long Sessions, int CalibrationSessions, IReadOnlyList<string> GroupNames);
