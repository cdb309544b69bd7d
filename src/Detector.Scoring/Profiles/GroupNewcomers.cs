namespace Detector.Scoring.Profiles;

/// <summary>
/// Values a peer group met for the first time recently (a tool rolled out to a role, a tenant a team
/// is onboarding), with how many members took each up. Several members adopting the same new value
/// within days is a change of the role, information rather than an incident; one agent alone is not.
/// A small fixed table; the oldest entry makes room. Values the group meets on its first day are
/// its founding vocabulary, not newcomers.
/// </summary>
public sealed class GroupNewcomers
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);
    private static readonly TimeSpan Founding = TimeSpan.FromDays(1);
    /// <summary>Adopters (besides the one asking) that make a new value a role-wide change.</summary>
    public const int RolloutAdopters = 1;
    private const int Slots = 32;

    private readonly ulong[] _keys = new ulong[Slots];
    private readonly long[] _firstSeen = new long[Slots];
    private readonly int[] _adopters = new int[Slots];
    private long _started;

    /// <summary>Members that took up a value the group first met within <see cref="Recent"/>, or 0.</summary>
    public int Adopters(ulong key, Domain.Time.EventTime now)
    {
        int i = IndexOf(key);
        return i >= 0 && now.UtcTicks - _firstSeen[i] < Recent.Ticks ? _adopters[i] : 0;
    }

    /// <summary>Records that a member took up a value; <paramref name="newToGroup"/> starts tracking it.</summary>
    public void Adopt(ulong key, Domain.Time.EventTime now, bool newToGroup)
    {
        if (_started == 0)
            _started = now.UtcTicks;
        int i = IndexOf(key);
        if (i < 0)
        {
            if (!newToGroup || now.UtcTicks - _started < Founding.Ticks)
                return;
            i = 0;
            for (int k = 1; k < Slots; k++)
            {
                if (_firstSeen[k] < _firstSeen[i])
                    i = k;
            }
            _keys[i] = key;
            _firstSeen[i] = now.UtcTicks;
            _adopters[i] = 0;
        }
        _adopters[i]++;
    }

    /// <summary>The table's key of a value of a novelty category.</summary>
    public static ulong Key(NoveltyCategory category, ulong value) => Domain.Ingest.StableHash.Combine(value, (ulong)category);

    private int IndexOf(ulong key)
    {
        for (int i = 0; i < Slots; i++)
        {
            if (_keys[i] == key && _adopters[i] > 0)
                return i;
        }
        return -1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_started);
        for (int i = 0; i < Slots; i++)
        {
            w.Write(_keys[i]);
            w.Write(_firstSeen[i]);
            w.Write(_adopters[i]);
        }
    }

    public static GroupNewcomers Read(BinaryReader r)
    {
        var g = new GroupNewcomers { _started = r.ReadInt64() };
        for (int i = 0; i < Slots; i++)
        {
            g._keys[i] = r.ReadUInt64();
            g._firstSeen[i] = r.ReadInt64();
            g._adopters[i] = r.ReadInt32();
        }
        return g;
    }
}
