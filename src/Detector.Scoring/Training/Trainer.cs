using System.IO.Hashing;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Evidence;
using Detector.Scoring.Fusion;
using Detector.Scoring.Model;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Training;

/// <summary>
/// Builds a model from unlabelled history taken as benign, in two passes over it (each fed through
/// the same pipeline as replay, so admission rules match): the first learns
/// each agent's baseline and clusters agents no rule places into peer groups by the tools they use;
/// the second relearns everything with those groups (agent and group baselines together) and, for
/// the sessions of the last <see cref="CalibrationShare"/> of the time window, scored against what
/// was learned before them, records their fused statistic: the benign sample the risk is calibrated on,
/// and which of them were judged by their agent's own baseline rather than its peer group's.
/// </summary>
public sealed class Trainer(EngineOptions options)
{
    private PassShard? _first;
    private PassShard? _second;
    private readonly List<(EventTime Start, double[] Families, string[] Rules, AgentId Agent, bool OwnBaseline)> _closed = [];

    /// <summary>The share of the training window (the most recent part) whose sessions calibrate risk.</summary>
    public double CalibrationShare { get; init; } = 0.3;

    /// <summary>The shard to feed the whole history through first (agent baselines).</summary>
    public IScoringShard FirstPass()
    {
        _first = new PassShard(NewShard(DetectorModel.Empty));
        return _first;
    }

    /// <summary>Clusters the agents into peer groups, then returns the shard to feed the history through again.</summary>
    public IScoringShard SecondPass()
    {
        if (_first is null || _first.Events == 0)
            throw new InvalidOperationException("the training history holds no applicable events");
        var shard = _first.Shard;
        var unplaced = shard.Agents.Where(a => !shard.Groups.IsAssigned(a.Group));
        var engineShard = NewShard(SeedModel(shard, PeerGroupClustering.Cluster(unplaced)));
        engineShard.SessionClosed = s => _closed.Add((s.Start, s.FamilyPeaks, [.. s.CompletedRules.Distinct(StringComparer.Ordinal)], s.Key.Agent, engineShard.IsEstablished(s.Key.Agent)));
        _second = new PassShard(engineShard);
        return _second;
    }

    /// <summary>The model: the second pass's baselines, calibrated on the sessions of the most recent part of the window.</summary>
    public DetectorModel Finish()
    {
        if (_first is null || _second is null)
            throw new InvalidOperationException("run both passes before finishing");
        _second.Shard.FlushSessions();
        EventTime from = _first.From, to = _first.To;
        EventTime cutoff = from + (to - from) * (1 - CalibrationShare);
        var sessions = _closed.Where(c => c.Start >= cutoff).ToArray();
        var window = sessions.Select(c => c.Families).ToArray();
        var ruleRates = sessions.SelectMany(c => c.Rules).GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => UpperRate(g.Count(), sessions.Length), StringComparer.Ordinal);
        // Families first, each on its benign statistics (sessions without its evidence count as 0); then the
        // fused statistic of every calibration session under those family calibrations.
        var families = new TailCalibration[EvidenceKinds.FamilyCount];
        for (int f = 0; f < families.Length; f++)
            families[f] = TailCalibration.Fit(window.Select(v => v[f]).ToArray());
        var fused = window.Select(v => EvidenceFusion.Combine(v, families)).ToArray();
        var metadata = new ModelMetadata(from, to, _first.Events, _closed.Count, window.Length,
            _second.Shard.Groups.Groups.Select(g => g.Name).ToArray());
        // Agents with too few events to finish learning are judged by their peers in scoring too; the
        // question is whether the busy ones, which will be judged by their own baselines, were so here.
        var busy = _second.Shard.Agents.Where(a => a.Events >= options.LearningEvents).Select(a => a.Agent).ToHashSet();
        var busySessions = sessions.Where(c => busy.Contains(c.Agent)).ToArray();
        double ownShare = busySessions.Length == 0 ? 1 : busySessions.Count(c => c.OwnBaseline) / (double)busySessions.Length;
        return Snapshot(_second.Shard, TailCalibration.Fit(fused), families, metadata) with { RuleRates = ruleRates, OwnBaselineShare = ownShare };
    }

    /// <summary>
    /// The 95% upper confidence bound (Clopper and Pearson, Biometrika 1934) of a rule's benign
    /// completion rate from k completions in n sessions: a floor is honoured only where the data shows
    /// the pattern rare, and two completions in a thousand sessions do not show 0.2%.
    /// </summary>
    private static double UpperRate(int k, int n) =>
        k >= n ? 1 : MathNet.Numerics.Distributions.Beta.InvCDF(k + 1, n - k, 0.95);

    private EngineShard NewShard(DetectorModel model) =>
        new DetectionEngine(options, model, new InMemoryBindingTable(options)).CreateShard(learnFromAlertedSessions: true);

    private static DetectorModel SeedModel(EngineShard first, IReadOnlyDictionary<AgentId, string> learnedNames)
    {
        var names = first.Groups.Groups.Select(g => g.Name).Concat(learnedNames.Values.Distinct().Order(StringComparer.Ordinal)).Distinct().ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var groupOf = new Dictionary<AgentId, int>();
        foreach (var agent in first.Agents)
        {
            groupOf[agent.Agent] = learnedNames.TryGetValue(agent.Agent, out string? name)
                ? index[name]
                : index[first.Groups[agent.Group].Name];
        }
        return DetectorModel.Empty with
        {
            Groups = names.Select(n => Serialize(new PeerGroupProfile(n).Write)).ToArray(),
            GroupOf = groupOf,
        };
    }

    private static DetectorModel Snapshot(EngineShard shard, TailCalibration calibration, TailCalibration[] families, ModelMetadata metadata)
    {
        var groups = shard.Groups.Groups;
        var members = new int[groups.Count];
        var agents = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var groupOf = new Dictionary<AgentId, int>();
        foreach (var agent in shard.Agents)
        {
            agents[agent.Agent.Value] = Serialize(agent.Write);
            groupOf[agent.Agent] = agent.Group;
            members[agent.Group]++;
        }
        for (int g = 0; g < groups.Count; g++)
            groups[g].Members = members[g];
        var groupBytes = groups.Select(g => Serialize(g.Write)).ToArray();

        // The version names the training window's end and the content, so equal training gives an equal version.
        var hash = new XxHash64();
        foreach (var (_, bytes) in agents)
            hash.Append(bytes);
        foreach (var bytes in groupBytes)
            hash.Append(bytes);
        string version = $"m{metadata.TrainedTo.ToDateTimeOffset():yyyyMMdd}-{hash.GetCurrentHashAsUInt64():x16}"[..18];

        return new DetectorModel
        {
            Version = version,
            Metadata = metadata,
            Calibration = calibration,
            FamilyCalibrations = families,
            Groups = groupBytes,
            GroupOf = groupOf,
            Agents = agents.ToDictionary(kv => new AgentId(kv.Key), kv => kv.Value),
        };
    }

    internal static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            write(writer);
        return stream.ToArray();
    }
}

/// <summary>An engine shard that also notes the time window and event count of what it was fed.</summary>
internal sealed class PassShard(EngineShard shard) : IScoringShard
{
    public EngineShard Shard => shard;

    public EventTime From { get; private set; } = EventTime.MaxValue;

    public EventTime To { get; private set; } = EventTime.MinValue;

    public long Events { get; private set; }

    public StateCounters Counters => shard.Counters;

    public bool TryGetHighWater(AgentId agent, out EventTime highWater) => shard.TryGetHighWater(agent, out highWater);

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
    {
        shard.Process(e, detectedAt, result);
        Events++;
        From = e.Time < From ? e.Time : From;
        To = EventTime.Max(To, e.Time);
    }
}
