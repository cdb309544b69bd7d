using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.Scoring.Fusion;
using Detector.Scoring.Profiles;
using Detector.Scoring.Rules;
using Detector.Scoring.State;

namespace Detector.Scoring.Engine;

/// <summary>
/// The agents and sessions one pipeline shard owns, and the per-event loop: resolve state, let every
/// detector score, fuse the session's evidence into a calibrated risk, raise an alert when the risk
/// reaches a higher severity, then let every detector learn. Single writer, no locks.
/// </summary>
public sealed class EngineShard : IScoringShard
{
    private readonly DetectionEngine _engine;
    private readonly BoundedLruMap<AgentId, AgentProfile> _agents;
    private readonly BoundedLruMap<SessionKey, SessionState> _sessions;
    private readonly PeerGroupTable _groups;
    private readonly EventContext _context = new();
    private readonly FindingBuffer _findings = new();
    private readonly StateCounters _counters = new();
    private readonly IDetector[] _detectors;
    private readonly RuleMatchBuffer _ruleMatches = new();
    private HashSet<AgentId> _dirty = [];

    public EngineShard(DetectionEngine engine, bool learnFromAlertedSessions)
    {
        _engine = engine;
        LearnFromAlertedSessions = learnFromAlertedSessions;
        _agents = new BoundedLruMap<AgentId, AgentProfile>(engine.Options.MaxAgents);
        _sessions = new BoundedLruMap<SessionKey, SessionState>(engine.Options.MaxSessions)
        {
            Evicted = (_, session) => Close(session),
        };
        _groups = new PeerGroupTable(engine.Model.ThawGroups(), engine.Model.GroupOf, engine.Options.PeerGroups);
        _detectors = engine.CreateDetectors();
    }

    /// <summary>
    /// Learn from every session, alerted or not: for building a model from history that is taken as
    /// benign. Off in replay and the worker, where a session that reached medium severity is not learned
    /// from, so an attacker cannot teach the baseline its own behaviour.
    /// </summary>
    public bool LearnFromAlertedSessions { get; }

    /// <summary>Raised with each session when it is evicted or flushed (training collects their fused statistics).</summary>
    public Action<SessionState>? SessionClosed { get; set; }

    public PeerGroupTable Groups => _groups;

    /// <summary>The engine (and so the model) this shard scores with.</summary>
    public DetectionEngine Engine => _engine;

    public StateCounters Counters
    {
        get
        {
            _counters.Agents = _agents.Count;
            _counters.Sessions = _sessions.Count;
            _counters.AgentsEvicted = _agents.Evictions;
            _counters.SessionsEvicted = _sessions.Evictions;
            return _counters;
        }
    }

    public IEnumerable<AgentProfile> Agents => _agents.Entries().Select(kv => kv.Value);

    public IEnumerable<SessionState> OpenSessions => _sessions.Entries().Select(kv => kv.Value);

    /// <summary>Whether the agent is held and has finished its learning period.</summary>
    public bool IsEstablished(AgentId agent) =>
        _agents.TryPeek(agent, out var profile) && _engine.Options.HasLearned(profile);

    public bool TryGetHighWater(AgentId agent, out EventTime highWater)
    {
        if (_agents.TryPeek(agent, out var profile))
        {
            highWater = profile.LastSeen;
            return true;
        }
        highWater = default;
        return false;
    }

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
    {
        // First, so a session resumed after going quiet past the timeout starts afresh rather than being
        // scored as the old one and closed right after.
        RetireIdleSessions(e.Time);
        if (!_agents.TryGet(e.Agent, out var agent))
        {
            agent = CreateAgent(e.Agent, e.Time);
            _agents.Set(e.Agent, agent);
        }
        bool newSession = !_sessions.TryGet(e.SessionKey, out var session);
        if (newSession)
        {
            session = new SessionState(e.SessionKey, e.Time);
            _sessions.Set(e.SessionKey, session);
            agent.Sessions++;
        }

        if (agent.CurrentSession is { } previous && previous != session)
            FoldShape(agent, previous);
        agent.CurrentSession = session;

        session.Steps++;
        session.Chain.Count(e, session.Steps);
        _context.Reset(e, agent, session, _groups, _engine, newSession, Learns(session));
        _findings.Clear();
        foreach (var detector in _detectors)
            detector.Score(_context, _findings);
        ApplyRules(session);

        foreach (ref readonly var f in _findings.AsSpan())
            session.Evidence.Add(new EvidenceStepRecord(e.EventId, e.Time, e.Tool, e.Action.WireName(), session.Steps, f));
        if (_findings.Count > 0)
            session.Statistic = EvidenceFusion.Update(session, _engine.Model.FamilyCalibrations);
        double risk = _engine.Model.Calibration.Risk(session.Statistic);
        // A policy rule's floor is a statement about risk too: the score never sits below its severity's threshold.
        if (session.RuleSeverity > Severity.None)
            risk = _engine.Thresholds.Floor(risk, session.RuleSeverity);
        session.Risk = risk;
        session.MaxRisk = Math.Max(session.MaxRisk, risk);

        var severity = _engine.Thresholds.Classify(risk);
        if (session.RuleSeverity > severity)
            severity = session.RuleSeverity;
        if (severity > session.AlertedSeverity)
        {
            result.AddAlert(_engine.Alerts.Create(session, agent, e, detectedAt, severity, risk));
            session.AlertedSeverity = severity;
            session.Alerts++;
        }

        _context.LearnsBaselines = Learns(session);
        foreach (var detector in _detectors)
            detector.Learn(_context);

        Age(agent, e.Time);
        _dirty.Add(e.Agent);
        session.LastSeen = EventTime.Max(session.LastSeen, e.Time);
        if (e.CredentialId is not null)
            session.AddCredential(e.CredentialId);

        result.Session = e.SessionKey;
        result.SessionRisk = risk;
        result.SessionCredentials = session.Credentials;
    }

    /// <summary>Agents whose state changed since the last call (for periodic checkpoints); starts a new set.</summary>
    public IReadOnlyCollection<AgentId> TakeDirtyAgents()
    {
        var dirty = _dirty;
        _dirty = [];
        return dirty;
    }

    /// <summary>
    /// Snapshots of the given agents, each its profile and open sessions, in one pass over the
    /// sessions. Agents no longer tracked (evicted) are skipped.
    /// </summary>
    public IEnumerable<(AgentId Agent, byte[] Snapshot)> Snapshot(IReadOnlyCollection<AgentId> agents)
    {
        var wanted = agents as IReadOnlySet<AgentId> ?? agents.ToHashSet();
        var sessions = new Dictionary<AgentId, List<SessionState>>();
        foreach (var (key, session) in _sessions.Entries())
        {
            if (!wanted.Contains(key.Agent))
                continue;
            if (!sessions.TryGetValue(key.Agent, out var list))
                sessions[key.Agent] = list = [];
            list.Add(session);
        }
        foreach (var id in agents)
        {
            if (!_agents.TryPeek(id, out var profile))
                continue;
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream))
            {
                w.Write(SnapshotVersion);
                // Group indexes are local to a shard's table; the name is what another worker can resolve.
                w.Write(_groups[profile.Group].Name);
                profile.Write(w);
                var open = sessions.GetValueOrDefault(id) ?? [];
                w.Write(open.Count);
                foreach (var session in open)
                    session.Write(w);
                profile.Credentials.Write(w);
            }
            yield return (id, stream.ToArray());
        }
    }

    /// <summary>Restores an agent (and its open sessions) from a <see cref="Snapshot"/>, replacing what the shard held.</summary>
    /// <param name="dirty">Counts the agent as changed, so the next checkpoint writes it (state carried into another model's shard).</param>
    public AgentId Restore(ReadOnlySpan<byte> snapshot, bool dirty = false)
    {
        using var r = new BinaryReader(new MemoryStream(snapshot.ToArray(), writable: false));
        byte version = r.ReadByte();
        if (version is < 1 or > SnapshotVersion)
            throw new InvalidDataException($"agent snapshot format {version} is not supported (this build reads 1 to {SnapshotVersion})");
        string group = r.ReadString();
        var profile = AgentProfile.Read(r);
        profile.Group = _groups.IndexOf(group);
        _agents.Set(profile.Agent, profile);
        // Sessions were written most recent first: restore them oldest first so the idle order survives,
        // and the most recent is again the agent's current session.
        var sessions = new SessionState[r.ReadInt32()];
        for (int i = 0; i < sessions.Length; i++)
            sessions[i] = SessionState.Read(r);
        for (int i = sessions.Length - 1; i >= 0; i--)
            _sessions.Set(sessions[i].Key, sessions[i]);
        profile.CurrentSession = sessions.Length > 0 ? sessions[0] : null;
        if (version >= 2)
            profile.Credentials = CredentialUses.Read(r);
        if (dirty)
            _dirty.Add(profile.Agent);
        return profile.Agent;
    }

    /// <summary>Version of an agent's snapshot (2: the agent's credential last uses follow its sessions).</summary>
    private const byte SnapshotVersion = 2;

    /// <summary>
    /// Writes the shard's peer groups for a checkpoint: the agents' snapshots hold what is per agent, this
    /// what they taught their groups. Without it a restored shard scores replayed input against the
    /// model's groups and can raise a different alert than the first pass did.
    /// </summary>
    public void WriteGroups(BinaryWriter writer) => PeerGroupCheckpoint.Write(writer, _groups, _engine.Model.Version, _engine.Model.Groups);

    /// <summary>Restores groups written by <see cref="WriteGroups"/>; false when they were written against another model version (the model's groups stay).</summary>
    public bool RestoreGroups(BinaryReader reader) => PeerGroupCheckpoint.Read(reader, _groups, _engine.Model.Version, _engine.Model.Groups);

    /// <summary>Reports every open session to <see cref="SessionClosed"/> (end of a training pass).</summary>
    public void FlushSessions()
    {
        foreach (var session in OpenSessions)
            SessionClosed?.Invoke(session);
    }

    /// <summary>Feeds the step's facts to the policy rules; what they report becomes evidence, a completed rule's severity a floor.</summary>
    private void ApplyRules(SessionState session)
    {
        var rules = _engine.Rules;
        rules.Observe(session.Rules, _context.Facts(), session.Steps, _ruleMatches);
        foreach (ref readonly var m in _ruleMatches.AsSpan())
        {
            var floor = _engine.RuleFloor(m.Rule.Id, m.Severity);
            _findings.Add(new Finding(EvidenceKind.PolicyRule, m.PValue, $"{m.Rule.Id}: {rules.Describe(m)}", m.Steps.Count, m.Rule.Length, (double)floor, FindingScope.Session));
            if (m.Stage == RuleStage.Completed)
                session.CompletedRules.Add(m.Rule.Id);
            if (floor > session.RuleSeverity)
                session.RuleSeverity = floor;
        }
    }

    /// <summary>
    /// Closes sessions idle past the session timeout, longest-idle first. The session map is ordered by
    /// last touch, so only its idle tail is visited: O(1) amortised per event.
    /// </summary>
    private void RetireIdleSessions(EventTime now)
    {
        EventTime horizon = now - _engine.Options.SessionIdleTimeout;
        while (_sessions.TryPeekOldest(out _, out var session) && session.LastSeen < horizon)
        {
            _sessions.RemoveOldest();
            Close(session);
            _counters.SessionsRetired++;
        }
    }

    internal bool Learns(SessionState session) => LearnFromAlertedSessions || session.AlertedSeverity < Severity.Medium;

    private void Close(SessionState session)
    {
        if (_agents.TryPeek(session.Key.Agent, out var agent))
        {
            FoldShape(agent, session);
            if (agent.CurrentSession == session)
                agent.CurrentSession = null;
        }
        SessionClosed?.Invoke(session);
    }

    /// <summary>
    /// Folds a finished session into its agent's session shape, once. Interleaved concurrent sessions
    /// of one agent fold when the agent first moves away from them, with the counts they had then.
    /// </summary>
    private void FoldShape(AgentProfile agent, SessionState session)
    {
        if (session.ShapeFolded || !Learns(session))
            return;
        session.ShapeFolded = true;
        agent.Shape.Fold(session);
        _groups[agent.Group].Shape.Fold(session);
        _groups.Fleet.Shape.Fold(session);
        if (session.ScoredSteps >= 3)
            agent.Sequence.SessionSurprise.Observe(session.Surprise / session.ScoredSteps);
    }

    private void Age(AgentProfile agent, EventTime time)
    {
        bool wasMature = _engine.Options.HasLearned(agent);
        agent.Events++;
        agent.CountDay(time);
        agent.LastSeen = EventTime.Max(agent.LastSeen, time);
        if (!wasMature && !_groups.IsAssigned(agent.Group) && _engine.Options.HasLearned(agent))
            agent.Group = _groups.Match(agent);
    }

    /// <summary>A returning agent thaws from the model; a configured rule still decides its group.</summary>
    private AgentProfile CreateAgent(AgentId id, EventTime time)
    {
        int group = _groups.Resolve(id);
        var profile = _engine.Model.ThawAgent(id) ?? new AgentProfile(id, group, time);
        if (_groups.IsAssigned(group))
            profile.Group = group;
        return profile;
    }
}
