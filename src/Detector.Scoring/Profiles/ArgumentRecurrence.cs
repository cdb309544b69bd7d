namespace Detector.Scoring.Profiles;

/// <summary>
/// Per (tool, argument name): how often its values are new. Recipients, accounts, channels and hosts
/// recur, so a new value there is news; queries and message bodies are new nearly every time, so
/// novelty there means nothing. A small fixed table per agent; the least-observed entry makes room.
/// </summary>
public sealed class ArgumentRecurrence
{
    private const int Slots = 16;

    /// <summary>Observations before the recurrence of an argument is trusted.</summary>
    public const double MinObservations = 20;

    private readonly ulong[] _keys = new ulong[Slots];
    private readonly NoveltyRate[] _rates = new NoveltyRate[Slots];

    /// <summary>The argument's novelty rate, or false while it has too few observations to judge.</summary>
    public bool TryGetRate(ulong argumentKey, out NoveltyRate rate)
    {
        int i = IndexOf(argumentKey);
        rate = i >= 0 ? _rates[i] : default;
        return i >= 0 && rate.Observations >= MinObservations;
    }

    public void Observe(ulong argumentKey, bool isNew)
    {
        int i = IndexOf(argumentKey);
        if (i < 0)
        {
            i = 0;
            for (int k = 1; k < Slots; k++)
            {
                if (_rates[k].Observations < _rates[i].Observations)
                    i = k;
            }
            _keys[i] = argumentKey;
            _rates[i] = default;
        }
        _rates[i].Observe(isNew);
    }

    private int IndexOf(ulong key)
    {
        for (int i = 0; i < Slots; i++)
        {
            if (_keys[i] == key && _rates[i].Observations > 0)
                return i;
        }
        return -1;
    }

    public void Write(BinaryWriter w)
    {
        for (int i = 0; i < Slots; i++)
        {
            w.Write(_keys[i]);
            _rates[i].Write(w);
        }
    }

    public static ArgumentRecurrence Read(BinaryReader r)
    {
        var a = new ArgumentRecurrence();
        for (int i = 0; i < Slots; i++)
        {
            a._keys[i] = r.ReadUInt64();
            a._rates[i] = NoveltyRate.Read(r);
        }
        return a;
    }
}
