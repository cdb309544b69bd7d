using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>
/// Everything learned about one agent, owned by the shard its agent hashes to: identity and age,
/// and one baseline per detector family. Serialised whole for checkpoints and model files.
/// </summary>
public sealed class AgentProfile
{
    /// <summary>An agent's own transition model: 31 tools and "other" (the peer group's model covers the rest).</summary>
    public const int SequenceAlphabet = 32;
    public const int SequenceCapacity = 64;

    /// <summary>Version of the serialised profile (5: transfer sizes per tool; 4: transfers know how many sensitive reads preceded them; 3 and 4 still read).</summary>
    private const byte FormatVersion = 5;

    public AgentProfile(AgentId agent, int group, EventTime firstSeen)
    {
        Agent = agent;
        Key = Keys.Of(agent.Value);
        Group = group;
        FirstSeen = firstSeen;
        LastSeen = firstSeen;
    }

    public AgentId Agent { get; }

    /// <summary>Stable hash of the agent id, for tables that count distinct agents.</summary>
    public ulong Key { get; }

    /// <summary>Index of the agent's peer group in the engine's group table.</summary>
    public int Group { get; set; }

    public EventTime FirstSeen { get; private set; }

    public EventTime LastSeen { get; set; }

    public long Events { get; set; }

    public long Sessions { get; set; }

    /// <summary>Distinct days with activity, and the last such day (days since the epoch).</summary>
    public int ActiveDays { get; private set; }

    private int _lastDay = int.MinValue;

    public NoveltyBaseline Novelty { get; private set; } = new();

    public SequenceBaseline Sequence { get; private set; } = new(SequenceAlphabet, SequenceCapacity);

    public SessionShape Shape { get; private set; } = new();

    public TransferBaseline Transfers { get; private set; } = new();

    public RateBaseline Rate { get; private set; } = new();

    public MixWindow Mix { get; private set; } = new();

    /// <summary>Last uses of the agent's credentials: runtime state carried in checkpoints, not part of a trained baseline.</summary>
    public CredentialUses Credentials { get; set; } = new();

    /// <summary>The session of the agent's latest event (a snapshot restores it): when the next event opens another, this one is over.</summary>
    public SessionState? CurrentSession { get; set; }

    public void CountDay(EventTime time)
    {
        int day = Ticks.Day(time);
        if (day > _lastDay)
        {
            _lastDay = day;
            ActiveDays++;
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(FormatVersion);
        w.Write(Agent.Value);
        w.Write(Group);
        w.Write(FirstSeen.UtcTicks);
        w.Write(LastSeen.UtcTicks);
        w.Write(Events);
        w.Write(Sessions);
        w.Write(ActiveDays);
        w.Write(_lastDay);
        Novelty.Write(w);
        Sequence.Write(w);
        Shape.Write(w);
        Transfers.Write(w);
        Rate.Write(w);
        Mix.Write(w);
    }

    public static AgentProfile Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version is not (3 or 4 or FormatVersion))
            throw new InvalidDataException($"agent profile format {version} is not supported");
        var p = new AgentProfile(new AgentId(r.ReadString()), r.ReadInt32(), new EventTime(r.ReadInt64()))
        {
            LastSeen = new EventTime(r.ReadInt64()),
            Events = r.ReadInt64(),
            Sessions = r.ReadInt64(),
        };
        p.ActiveDays = r.ReadInt32();
        p._lastDay = r.ReadInt32();
        p.Novelty = NoveltyBaseline.Read(r);
        p.Sequence = SequenceBaseline.Read(r);
        p.Shape = SessionShape.Read(r);
        p.Transfers = TransferBaseline.Read(r, version);
        p.Rate = RateBaseline.Read(r);
        p.Mix = MixWindow.Read(r);
        return p;
    }
}
