using Detector.Domain.Time;

namespace Detector.Scoring.Profiles;

/// <summary>
/// When the agent last used each of its recent credentials in the session that owns it: the exact last
/// use the stale-credential check needs, kept with the agent so it is checkpointed and restored with it.
/// The shared binding table refreshes last uses only once a minute, and after a crash it already holds
/// uses that the replayed input has yet to reach, so a replay judged by it alone could miss a stale use
/// the first pass flagged. A few slots; the least recently used credential makes room.
/// </summary>
public sealed class CredentialUses
{
    private const int Slots = 8;

    private readonly ulong[] _keys = new ulong[Slots];
    private readonly long[] _lastUse = new long[Slots];

    public bool TryGetLastUse(ulong credential, out EventTime lastUse)
    {
        int i = IndexOf(credential);
        lastUse = i < 0 ? default : new EventTime(_lastUse[i]);
        return i >= 0;
    }

    public void Record(ulong credential, EventTime time)
    {
        int i = IndexOf(credential);
        if (i < 0)
        {
            i = 0;
            for (int k = 1; k < Slots; k++)
            {
                if (_lastUse[k] < _lastUse[i])
                    i = k;
            }
            _keys[i] = credential;
            _lastUse[i] = time.UtcTicks;
            return;
        }
        _lastUse[i] = Math.Max(_lastUse[i], time.UtcTicks);
    }

    /// <summary>A slot is in use once it holds a time (no real event is at tick 0).</summary>
    private int IndexOf(ulong credential)
    {
        for (int i = 0; i < Slots; i++)
        {
            if (_keys[i] == credential && _lastUse[i] != 0)
                return i;
        }
        return -1;
    }

    public void Write(BinaryWriter w)
    {
        for (int i = 0; i < Slots; i++)
        {
            w.Write(_keys[i]);
            w.Write(_lastUse[i]);
        }
    }

    public static CredentialUses Read(BinaryReader r)
    {
        var uses = new CredentialUses();
        for (int i = 0; i < Slots; i++)
        {
            uses._keys[i] = r.ReadUInt64();
            uses._lastUse[i] = r.ReadInt64();
        }
        return uses;
    }
}
