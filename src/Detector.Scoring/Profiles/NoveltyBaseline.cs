using Detector.Domain.Events;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// What an agent has touched (bounded seen sets of stable hashes) and how often it touches something
/// new, per category. About 3.5 KB per agent. A seen set that overflows evicts its stalest key, which
/// can later count as new once (a false novelty): its Evictions are the exposure.
/// </summary>
public sealed class NoveltyBaseline
{
    public const int CategoryCount = (int)NoveltyCategory.ArgumentValue + 1;

    private readonly SeenSet[] _seen;
    private readonly NoveltyRate[] _rates = new NoveltyRate[CategoryCount];
    private readonly double[] _actions = new double[(int)ToolAction.Privilege + 1];

    public NoveltyBaseline()
    {
        _seen = [new SeenSet(32), new SeenSet(64), new SeenSet(32), new SeenSet(32), new SeenSet(16), new SeenSet(64)];
    }

    private NoveltyBaseline(SeenSet[] seen)
    {
        _seen = seen;
    }

    public ArgumentRecurrence Arguments { get; private set; } = new();

    public SeenSet Seen(NoveltyCategory category) => _seen[(int)category];

    public ref NoveltyRate Rate(NoveltyCategory category) => ref _rates[(int)category];

    public bool Contains(NoveltyCategory category, ulong key) => _seen[(int)category].CountOf(key) > 0;

    public uint CountOf(NoveltyCategory category, ulong key) => _seen[(int)category].CountOf(key);

    /// <summary>Records a use; returns true when the value was new.</summary>
    public bool Observe(NoveltyCategory category, ulong key, uint tick)
    {
        bool isNew = _seen[(int)category].Observe(key, tick);
        _rates[(int)category].Observe(isNew);
        return isNew;
    }

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
            s.Write(w);
        foreach (var r in _rates)
            r.Write(w);
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
        var seen = new SeenSet[CategoryCount];
        for (int i = 0; i < seen.Length; i++)
            seen[i] = SeenSet.Read(r);
        var b = new NoveltyBaseline(seen);
        for (int i = 0; i < CategoryCount; i++)
            b._rates[i] = NoveltyRate.Read(r);
        for (int i = 0; i < b._actions.Length; i++)
            b._actions[i] = r.ReadDouble();
        b.TotalActions = r.ReadDouble();
        b.Arguments = ArgumentRecurrence.Read(r);
        return b;
    }
}
