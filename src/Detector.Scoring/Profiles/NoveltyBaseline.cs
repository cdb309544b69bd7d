using Detector.Domain.Events;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// What an agent has touched (bounded seen sets of stable hashes) and how often it touches something
/// new, per category. A seen set that overflows evicts its stalest key, which
/// can later count as new once (a false novelty): its Evictions are the exposure. At most 128 slots
/// (1.5 KB); the sets grow with what the agent uses, so most agents hold far less.
/// </summary>
public sealed class NoveltyBaseline
{
    public const int CategoryCount = (int)NoveltyCategory.DestinationDomain + 1;

    // Slots per category; a category's set is allocated on its first use (most agents use few of them).
    private static readonly int[] Capacity = [16, 32, 16, 16, 8, 32, 8];
    private readonly SeenSet?[] _seen;
    private readonly NoveltyRate[] _rates = new NoveltyRate[CategoryCount];
    private readonly long[] _uses = new long[CategoryCount];
    private readonly int[] _singletons = new int[CategoryCount];
    private readonly double[] _actions = new double[(int)ToolAction.Privilege + 1];

    public NoveltyBaseline()
    {
        // Sized to what an agent habitually uses (tools, patterns, destinations), not what it ever touched:
        // the stalest values make room, which costs a false novelty at most once each.
        _seen = new SeenSet?[CategoryCount];
    }

    private NoveltyBaseline(SeenSet?[] seen)
    {
        _seen = seen;
    }

    public ArgumentRecurrence Arguments { get; private set; } = new();

    /// <summary>The category's set, allocated on first use.</summary>
    public SeenSet Seen(NoveltyCategory category) => _seen[(int)category] ??= new SeenSet(Capacity[(int)category]);

    public ref NoveltyRate Rate(NoveltyCategory category) => ref _rates[(int)category];

    /// <summary>
    /// Good-Turing's estimate of the chance that the next use is of a value never seen (Good,
    /// Biometrika 1953): the share of all uses that went to values used exactly once so far, N1/N, with
    /// add-half smoothing. Unlike a plain share of first contacts, it does not count the unavoidable
    /// first sight of every value the agent uses all the time. Counts are cumulative; the set's
    /// evictions make N1 a slight overestimate (conservative).
    /// </summary>
    public double PNew(NoveltyCategory category) => (_singletons[(int)category] + 0.5) / (_uses[(int)category] + 1);

    /// <summary>Distinct values remembered in a category (without creating its set).</summary>
    public int SeenCount(NoveltyCategory category) => _seen[(int)category]?.Count ?? 0;

    public bool Contains(NoveltyCategory category, ulong key) => CountOf(category, key) > 0;

    public uint CountOf(NoveltyCategory category, ulong key) => _seen[(int)category]?.CountOf(key) ?? 0;

    /// <summary>Records a use; returns true when the value was new.</summary>
    public bool Observe(NoveltyCategory category, ulong key, ushort tick)
    {
        int c = (int)category;
        var seen = Seen(category);
        uint before = seen.CountOf(key);
        bool isNew = seen.Observe(key, tick);
        _rates[c].Observe(isNew, Memory(category));
        _uses[c]++;
        if (isNew)
            _singletons[c]++;
        else if (before == 1)
            _singletons[c]--;
        return isNew;
    }

    /// <summary>
    /// How many recent observations a category's novelty rate remembers: tenants and tools change
    /// rarely, so a long memory lets "never in thousands of events" count as such; resources and
    /// destinations turn over faster and follow recent habit.
    /// </summary>
    public static double Memory(NoveltyCategory category) => category switch
    {
        NoveltyCategory.Tenant => 5000,
        NoveltyCategory.Tool => 2000,
        _ => 1000,
    };

    /// <summary>Decayed count of each action, for the action mix and "never does privilege".</summary>
    public double ActionCount(ToolAction action) => _actions[(int)action];

    public double TotalActions { get; private set; }

    public void ObserveAction(ToolAction action)
    {
        const double decay = 1 - 1 / 2000.0;
        for (int i = 0; i < _actions.Length; i++)
            _actions[i] *= decay;
        _actions[(int)action] += 1;
        TotalActions = TotalActions * decay + 1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write((byte)1);
        foreach (var s in _seen)
        {
            w.Write(s is not null);
            s?.Write(w);
        }
        foreach (var r in _rates)
            r.Write(w);
        foreach (long u in _uses)
            w.Write(u);
        foreach (int n in _singletons)
            w.Write(n);
        foreach (double a in _actions)
            w.Write(a);
        w.Write(TotalActions);
        Arguments.Write(w);
    }

    public static NoveltyBaseline Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version != 1)
            throw new InvalidDataException($"novelty baseline format {version} is not supported");
        var seen = new SeenSet?[CategoryCount];
        for (int i = 0; i < seen.Length; i++)
            seen[i] = r.ReadBoolean() ? SeenSet.Read(r) : null;
        var b = new NoveltyBaseline(seen);
        for (int i = 0; i < CategoryCount; i++)
            b._rates[i] = NoveltyRate.Read(r);
        for (int i = 0; i < CategoryCount; i++)
            b._uses[i] = r.ReadInt64();
        for (int i = 0; i < CategoryCount; i++)
            b._singletons[i] = r.ReadInt32();
        for (int i = 0; i < b._actions.Length; i++)
            b._actions[i] = r.ReadDouble();
        b.TotalActions = r.ReadDouble();
        b.Arguments = ArgumentRecurrence.Read(r);
        return b;
    }
}
