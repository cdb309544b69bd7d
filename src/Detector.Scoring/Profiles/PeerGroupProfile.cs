using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// A peer group's shared baseline: per category, how many member agents use each value (Count-Min
/// sketches of distinct agents per value: over-counts by at most e/width of the total, never
/// under-counts), the members' pooled novelty rates (what a new agent is scored against until its
/// own baseline matures), and a group transition model. Built at training, then grown by merging
/// what shards learn; never read and written by two threads at once (see <see cref="PeerGroupTable"/>).
/// </summary>
public sealed class PeerGroupProfile
{
    public const int SequenceAlphabet = 1022;
    public const int SequenceCapacity = 8192;

    /// <summary>Version of the serialised group (2: newcomers know when the group started; 3: the members' session shape).</summary>
    private const byte FormatVersion = 3;

    private readonly CountMinSketch[] _users;
    private readonly NoveltyRate[] _rates;
    private readonly NoveltyRate[] _peerKnown;
    private readonly NoveltyRate[] _rates2 = new NoveltyRate[(int)GroupRate.DelegatedForeignTenant + 1];

    public PeerGroupProfile(string name)
    {
        Name = name;
        Key = Keys.Of(name);
        _users = new CountMinSketch[NoveltyBaseline.CategoryCount];
        for (int i = 0; i < _users.Length; i++)
            _users[i] = new CountMinSketch(epsilon: 0.002, delta: 0.01);
        _rates = new NoveltyRate[NoveltyBaseline.CategoryCount];
        _peerKnown = new NoveltyRate[NoveltyBaseline.CategoryCount];
        Sequence = new SequenceBaseline(SequenceAlphabet, SequenceCapacity);
    }

    private PeerGroupProfile(string name, CountMinSketch[] users, NoveltyRate[] rates, NoveltyRate[] peerKnown, SequenceBaseline sequence)
    {
        Name = name;
        Key = Keys.Of(name);
        _users = users;
        _rates = rates;
        _peerKnown = peerKnown;
        Sequence = sequence;
    }

    public string Name { get; }

    /// <summary>Stable hash of the name: how shared tables refer to the group (indexes are local to a shard).</summary>
    public ulong Key { get; }

    public int Members { get; set; }

    public SequenceBaseline Sequence { get; }

    /// <summary>Member agents that have used the value (an upper bound, see the sketch's error).</summary>
    public uint Users(NoveltyCategory category, ulong key) => _users[(int)category].Estimate(key);

    public void AddUser(NoveltyCategory category, ulong key) => _users[(int)category].Add(key);

    /// <summary>The members' pooled rate of new values in a category.</summary>
    public ref NoveltyRate Rate(NoveltyCategory category) => ref _rates[(int)category];

    /// <summary>
    /// Of the values members newly took up, the share peers already used (its "new" count): how much
    /// a value's being known to peers explains an agent's novelty.
    /// </summary>
    public ref NoveltyRate PeerKnownShare(NoveltyCategory category) => ref _peerKnown[(int)category];

    /// <summary>How often members do something rare but legitimate (see <see cref="GroupRate"/>).</summary>
    public ref NoveltyRate Rare(GroupRate rate) => ref _rates2[(int)rate];

    /// <summary>
    /// Actions taken by delegated sessions, by their parent session's intent: Count-Min counts of
    /// (intent, action) and of intent alone, so P(action | parent intent) needs no table of intents.
    /// </summary>
    public CountMinSketch IntentActions { get; private set; } = new(epsilon: 0.005, delta: 0.01);

    /// <summary>Values new to the whole group lately, with their adopters (keys are category-salted).</summary>
    public GroupNewcomers Newcomers { get; private set; } = new();

    /// <summary>Of the transfers members sent to destinations new to them, the share that carried an approval id.</summary>
    public NoveltyRate ApprovedNovelTransfers;

    /// <summary>What members' finished sessions look like, pooled: the shape a new agent's sessions are judged by until its own is trusted.</summary>
    public SessionShape Shape { get; private set; } = new();

    public void Write(BinaryWriter w)
    {
        w.Write(FormatVersion);
        w.Write(Name);
        w.Write(Members);
        foreach (var s in _users)
            s.Write(w);
        foreach (var r in _rates)
            r.Write(w);
        foreach (var r in _peerKnown)
            r.Write(w);
        foreach (var r in _rates2)
            r.Write(w);
        IntentActions.Write(w);
        Newcomers.Write(w);
        ApprovedNovelTransfers.Write(w);
        Sequence.Write(w);
        Shape.Write(w);
    }

    public static PeerGroupProfile Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version != FormatVersion)
            throw new InvalidDataException($"peer group format {version} is not supported");
        string name = r.ReadString();
        int members = r.ReadInt32();
        var users = new CountMinSketch[NoveltyBaseline.CategoryCount];
        for (int i = 0; i < users.Length; i++)
            users[i] = CountMinSketch.Read(r);
        var rates = ReadRates(r);
        var peerKnown = ReadRates(r);
        var rare = new NoveltyRate[(int)GroupRate.DelegatedForeignTenant + 1];
        for (int i = 0; i < rare.Length; i++)
            rare[i] = NoveltyRate.Read(r);
        var intentActions = CountMinSketch.Read(r);
        var newcomers = GroupNewcomers.Read(r);
        var approved = NoveltyRate.Read(r);
        var group = new PeerGroupProfile(name, users, rates, peerKnown, SequenceBaseline.Read(r))
        {
            Members = members,
            IntentActions = intentActions,
            Newcomers = newcomers,
            ApprovedNovelTransfers = approved,
            Shape = SessionShape.Read(r),
        };
        rare.CopyTo(group._rates2, 0);
        return group;
    }

    private static NoveltyRate[] ReadRates(BinaryReader r)
    {
        var rates = new NoveltyRate[NoveltyBaseline.CategoryCount];
        for (int i = 0; i < rates.Length; i++)
            rates[i] = NoveltyRate.Read(r);
        return rates;
    }
}
