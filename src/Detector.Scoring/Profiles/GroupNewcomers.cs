namespace Detector.Scoring.Profiles;

/// <summary>
/// Values a peer group met for the first time recently (a tool rolled out to a role, a tenant a team
/// is onboarding), with which members took each up. Other members adopting the same new value within
/// days is a change of the role, information rather than an incident; one agent alone is not, however
/// often it uses the value. A small fixed table; the oldest entry makes room. Values the group meets on
/// its first day are its founding vocabulary, not newcomers.
/// </summary>
public sealed class GroupNewcomers
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    /// <summary>Adopters besides the agent asking that make a new value a role-wide change.</summary>
    public const int RolloutAdopters = 1;

    private static readonly TimeSpan Founding = TimeSpan.FromDays(1);
    /// <summary>Values tracked per group (the shared <see cref="Bindings.AdoptionTable"/> keeps as many).</summary>
    public const int Slots = 32;

    /// <summary>Distinct adopters remembered per value: enough to tell whether any besides the asking agent reach <see cref="RolloutAdopters"/>.</summary>
    private const int Remembered = RolloutAdopters + 1;

    private readonly ulong[] _keys = new ulong[Slots];
    private readonly long[] _firstSeen = new long[Slots];
    private readonly ulong[] _adopters = new ulong[Slots * Remembered];
    private long _started;

    /// <summary>Distinct members other than <paramref name="agent"/> that took up a value the group first met within <see cref="Recent"/>.</summary>
    public int OtherAdopters(ulong key, ulong agent, Domain.Time.EventTime now)
    {
        int i = IndexOf(key);
        if (i < 0 || now.UtcTicks - _firstSeen[i] >= Recent.Ticks)
            return 0;
        int others = 0;
        foreach (ulong adopter in Adopters(i))
        {
            if (adopter != 0 && adopter != agent)
                others++;
        }
        return others;
    }

    /// <summary>
    /// Records that a member took up a value; <paramref name="newToGroup"/> starts tracking it. Returns
    /// whether the member was not yet known as one of the value's adopters.
    /// </summary>
    public bool Adopt(ulong key, ulong agent, Domain.Time.EventTime now, bool newToGroup)
    {
        if (_started == 0)
            _started = now.UtcTicks;
        int i = IndexOf(key);
        if (i < 0)
        {
            if (!newToGroup || now.UtcTicks - _started < Founding.Ticks)
                return false;
            i = Oldest();
            _keys[i] = key;
            _firstSeen[i] = now.UtcTicks;
            Adopters(i).Clear();
        }
        var adopters = Adopters(i);
        for (int k = 0; k < adopters.Length; k++)
        {
            if (adopters[k] == agent)
                return false;
            if (adopters[k] == 0)
            {
                adopters[k] = agent;
                return true;
            }
        }
        return false; // enough adopters remembered to decide
    }

    /// <summary>The table's key of a value of a novelty category.</summary>
    public static ulong Key(NoveltyCategory category, ulong value) => Domain.Ingest.StableHash.Combine(value, (ulong)category);

    private Span<ulong> Adopters(int slot) => _adopters.AsSpan(slot * Remembered, Remembered);

    private int IndexOf(ulong key)
    {
        for (int i = 0; i < Slots; i++)
        {
            if (_keys[i] == key && _adopters[i * Remembered] != 0)
                return i;
        }
        return -1;
    }

    private int Oldest()
    {
        int oldest = 0;
        for (int k = 1; k < Slots; k++)
        {
            if (_firstSeen[k] < _firstSeen[oldest])
                oldest = k;
        }
        return oldest;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_started);
        for (int i = 0; i < Slots; i++)
        {
            w.Write(_keys[i]);
            w.Write(_firstSeen[i]);
        }
        foreach (ulong adopter in _adopters)
            w.Write(adopter);
    }

    public static GroupNewcomers Read(BinaryReader r)
    {
        var g = new GroupNewcomers { _started = r.ReadInt64() };
        for (int i = 0; i < Slots; i++)
        {
            g._keys[i] = r.ReadUInt64();
            g._firstSeen[i] = r.ReadInt64();
        }
        for (int i = 0; i < g._adopters.Length; i++)
            g._adopters[i] = r.ReadUInt64();
        return g;
    }
}
