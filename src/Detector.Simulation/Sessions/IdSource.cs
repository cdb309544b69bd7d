using System.Globalization;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Sessions;

/// <summary>
/// Event, session, credential and approval ids: a counter per kind pushed through the SplitMix64
/// bijection with a per-run key. Unique by construction, random-looking, all of one length, so an
/// id says nothing about what it belongs to.
/// </summary>
internal sealed class IdSource(int seed)
{
    private readonly ulong _key = SplitMix64.Mix((ulong)(uint)seed ^ (ulong)StreamPurpose.Ids << 40);
    private ulong _events;
    private ulong _sessions;
    private ulong _credentials;
    private ulong _approvals;

    public string NextEvent() => Format("evt_", 1, ref _events);

    public string NextSession() => Format("ses_", 2, ref _sessions);

    public string NextCredential() => Format("cred_", 3, ref _credentials);

    public string NextApproval() => Format("apr_", 4, ref _approvals);

    private string Format(string prefix, ulong kind, ref ulong counter)
    {
        // Counters stay below 2^56, so (kind << 56 | counter) is distinct per kind and value.
        ulong value = SplitMix64.Mix((kind << 56 | counter++) ^ _key);
        return prefix + value.ToString("x16", CultureInfo.InvariantCulture);
    }
}
