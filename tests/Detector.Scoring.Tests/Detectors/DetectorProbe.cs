using Detector.Domain.Events;
using Detector.Scoring.Detectors;
using Detector.Scoring.Engine;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Scores one event with one detector, directly, against copies of the state the engine's shard is
/// about to score it with: the agent's profile and the session (written and read back, so the probe
/// never disturbs the engine), the shard's peer groups and the engine's binding table. The session
/// counts the step first, as the engine does; the novelty detector runs first when the detector under
/// test is another one, because the escalation detectors read its verdicts.
/// </summary>
internal sealed class DetectorProbe(IDetector detector)
{
    private readonly NoveltyDetector _upstream = new();
    private readonly EventContext _context = new();
    private readonly FindingBuffer _scratch = new();
    private readonly FindingBuffer _findings = new();

    public ProbedEvent Probe(DetectionEngine engine, EngineShard shard, ToolEvent e, ProbeChecks checks)
    {
        var agent = AgentCopy(engine, shard, e);
        var real = shard.OpenSessions.FirstOrDefault(s => s.Key == e.SessionKey);
        var session = real is null ? new SessionState(e.SessionKey, e.Time) : Copy(real.Write, SessionState.Read);
        session.Steps++;
        session.Chain.Count(e, session.Steps);
        _context.Reset(e, agent, session, shard.Groups, engine, newSession: real is null, shard.Learns(session));

        RunUpstream();
        // Taken after the upstream detector ran: what changes from here on is the detector's own doing.
        byte[] agentBefore = checks.HasFlag(ProbeChecks.Baselines) ? Bytes(agent.Write) : [];
        byte[][] groupsBefore = checks.HasFlag(ProbeChecks.Baselines) ? GroupBytes(shard) : [];
        var findings = Score();
        bool? baselinesKept = checks.HasFlag(ProbeChecks.Baselines)
            ? agentBefore.AsSpan().SequenceEqual(Bytes(agent.Write)) && groupsBefore.Zip(GroupBytes(shard)).All(g => g.First.AsSpan().SequenceEqual(g.Second))
            : null;
        Finding[]? repeated = null;
        if (checks.HasFlag(ProbeChecks.Repeat))
        {
            RunUpstream();
            repeated = Score();
        }
        return new ProbedEvent(e.EventId, e.SessionKey, findings, repeated, baselinesKept);
    }

    private void RunUpstream()
    {
        if (detector is NoveltyDetector)
            return;
        _scratch.Clear();
        _upstream.Score(_context, _scratch);
    }

    private Finding[] Score()
    {
        _findings.Clear();
        detector.Score(_context, _findings);
        return _findings.AsSpan().ToArray();
    }

    /// <summary>The agent as the shard would score it: its live profile, else thawed from the model, else new (as the shard creates it).</summary>
    private static AgentProfile AgentCopy(DetectionEngine engine, EngineShard shard, ToolEvent e)
    {
        if (shard.Agents.FirstOrDefault(a => a.Agent == e.Agent) is { } live)
            return Copy(live.Write, AgentProfile.Read);
        int group = shard.Groups.Resolve(e.Agent);
        var profile = engine.Model.ThawAgent(e.Agent) ?? new AgentProfile(e.Agent, group, e.Time);
        if (shard.Groups.IsAssigned(group))
            profile.Group = group;
        return profile;
    }

    private static byte[][] GroupBytes(EngineShard shard) => shard.Groups.Groups.Select(g => Bytes(g.Write)).ToArray();

    private static T Copy<T>(Action<BinaryWriter> write, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(new MemoryStream(Bytes(write), writable: false));
        return read(reader);
    }

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            write(writer);
        return stream.ToArray();
    }
}
