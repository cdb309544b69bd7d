using System.Runtime.CompilerServices;

namespace Detector.Scoring.Profiles;

/// <summary>
/// How many of a session's steps each of its first few tenants took, so a tenant is judged by the
/// agent's use of it before the session: five reads in a foreign tenant do not make it the agent's own
/// by the sixth step. Tenants beyond the first four count no uses, which only makes them look more foreign.
/// </summary>
public sealed class SessionTenantUses
{
    private const int Slots = 4;

    private Slots4<ulong> _keys;
    private Slots4<uint> _uses;

    public uint Of(ulong tenant)
    {
        for (int i = 0; i < Slots && _keys[i] != 0; i++)
        {
            if (_keys[i] == tenant)
                return _uses[i];
        }
        return 0;
    }

    public void Add(ulong tenant)
    {
        if (tenant == 0)
            return;
        for (int i = 0; i < Slots; i++)
        {
            if (_keys[i] == tenant || _keys[i] == 0)
            {
                _keys[i] = tenant;
                _uses[i]++;
                return;
            }
        }
    }

    public void Write(BinaryWriter w)
    {
        for (int i = 0; i < Slots; i++)
        {
            w.Write(_keys[i]);
            w.Write(_uses[i]);
        }
    }

    public void Read(BinaryReader r)
    {
        for (int i = 0; i < Slots; i++)
        {
            _keys[i] = r.ReadUInt64();
            _uses[i] = r.ReadUInt32();
        }
    }

    [InlineArray(Slots)]
    private struct Slots4<T>
    {
        private T _element;
    }
}
