using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Scoring.Bindings;
using Detector.Scoring.Detectors;
using Detector.Scoring.Engine;
using Detector.Scoring.Evidence;
using Detector.Scoring.Model;
using Detector.Scoring.Profiles;
using Detector.Scoring.Training;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A scenario run for real: a model trained with <see cref="Trainer"/> on the scenario's history (both
/// passes, event by event, as the CLI feeds them), then the test events replayed one by one through
/// an <see cref="EngineShard"/> of a <see cref="DetectionEngine"/> over that model, event time as the
/// clock. When a detector is given, it also scores every test event directly just before the engine
/// does (see <see cref="DetectorProbe"/>): its own findings, not yet fused or bounded by the session.
/// </summary>
internal sealed class ShadowReplay
{
    private readonly ScoreResult _result = new();
    private readonly Dictionary<SessionKey, SessionState> _sessions = [];

    private ShadowReplay(DetectorModel model, EngineOptions options, bool learnFromAlertedSessions)
    {
        Engine = new DetectionEngine(options, model, new InMemoryBindingTable(options));
        Shard = Engine.CreateShard(learnFromAlertedSessions);
    }

    /// <summary>
    /// Scoring settings for scripted fleets: an agent's own baseline is trusted after 40 events on two
    /// days (a scripted history is days, not weeks), and agents are grouped by role, the name before
    /// the number in ".../agent/role-7".
    /// </summary>
    public static EngineOptions Options() => new()
    {
        LearningEvents = 40,
        LearningDays = 2,
        PeerGroups = [new PeerGroupRule { Pattern = @"/agent/(?<group>[a-z]+)-\d+$" }],
    };

    public DetectionEngine Engine { get; }

    public EngineShard Shard { get; }

    /// <summary>The detector's findings on every test event, in order (empty without a detector).</summary>
    public List<ProbedEvent> Probes { get; } = [];

    /// <summary>The engine's verdict after every test event, in order.</summary>
    public List<ScoredStep> Steps { get; } = [];

    /// <summary>Every test session the engine opened, by key, as it stood after its last event.</summary>
    public IReadOnlyDictionary<SessionKey, SessionState> Sessions => _sessions;

    /// <param name="learnFromAlertedSessions">Learn from every test session, alerted or not, as training does.</param>
    /// <param name="model">A model to replay against instead of one trained on the scenario's history.</param>
    public static ShadowReplay Run(DetectorScenario scenario, IDetector? detector = null, ProbeChecks checks = ProbeChecks.None, EngineOptions? options = null,
        bool learnFromAlertedSessions = false, DetectorModel? model = null)
    {
        options ??= Options();
        var replay = new ShadowReplay(model ?? Train(scenario.History, options), options, learnFromAlertedSessions);
        var probe = detector is null ? null : new DetectorProbe(detector);
        foreach (var e in scenario.Test)
        {
            if (probe is not null)
                replay.Probes.Add(probe.Probe(replay.Engine, replay.Shard, e, checks));
            replay.Process(e);
        }
        return replay;
    }

    public static DetectorModel Train(IEnumerable<ToolEvent> history, EngineOptions options)
    {
        var events = history.ToList();
        var trainer = new Trainer(options);
        var result = new ScoreResult();
        foreach (var shard in new Func<IScoringShard>[] { trainer.FirstPass, trainer.SecondPass })
        {
            var pass = shard();
            foreach (var e in events)
            {
                result.Clear();
                pass.Process(e, e.Time, result);
            }
        }
        return trainer.Finish();
    }

    /// <summary>The detector's findings of one kind over all test events.</summary>
    public IEnumerable<Finding> Findings(EvidenceKind kind) => Probes.SelectMany(p => p.Findings).Where(f => f.Kind == kind);

    /// <summary>The strongest p-value the detector gave a kind on the agent's test events (1 when it gave none).</summary>
    public double Strongest(EvidenceKind kind, AgentId agent) =>
        Probes.Where(p => p.Session.Agent == agent).SelectMany(p => p.Findings).Where(f => f.Kind == kind).Select(f => f.PValue).DefaultIfEmpty(1).Min();

    /// <summary>The session of the agent's test event that drew the detector's strongest finding of a kind.</summary>
    public SessionKey SessionOfStrongest(EvidenceKind kind, AgentId agent) =>
        Probes.Where(p => p.Session.Agent == agent && p.Findings.Any(f => f.Kind == kind))
            .MinBy(p => p.Findings.Where(f => f.Kind == kind).Min(f => f.PValue))?.Session
        ?? throw new InvalidOperationException($"no {kind.WireName()} finding for {agent}");

    /// <summary>The session of the agent's last test event.</summary>
    public SessionKey LastSession(AgentId agent) => Steps.Last(s => s.Session.Agent == agent).Session;

    /// <summary>The strongest p-value the engine recorded for a kind in a test session (1 when none).</summary>
    public double SessionEvidence(EvidenceKind kind, SessionKey session)
    {
        var evidence = _sessions[session].Evidence;
        return Enumerable.Range(0, evidence.KindCount).Select(evidence.BestAt).Where(b => b.Kind == kind).Select(b => b.PValue).DefaultIfEmpty(1).Min();
    }

    /// <summary>The highest risk a test session reached.</summary>
    public double SessionRisk(SessionKey session) => Steps.Where(s => s.Session == session).Max(s => s.Risk);

    private void Process(ToolEvent e)
    {
        _result.Clear();
        Shard.Process(e, e.Time, _result);
        Steps.Add(new ScoredStep(e.EventId, e.SessionKey, _result.SessionRisk, _result.Alerts.ToArray()));
        if (Shard.OpenSessions.FirstOrDefault(s => s.Key == e.SessionKey) is { } session)
            _sessions[e.SessionKey] = session;
    }
}
