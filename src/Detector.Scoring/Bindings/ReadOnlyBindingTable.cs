using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Reads another table and records nothing: for a candidate model in shadow, which sees the bindings
/// the active model records from the same events but must not publish its own.
/// </summary>
public sealed class ReadOnlyBindingTable(IBindingTable inner) : IBindingTable
{
    public CredentialBinding? FindCredential(string credentialId, EventTime? asOf = null) => inner.FindCredential(credentialId, asOf);

    public void RecordCredential(string credentialId, CredentialBinding binding)
    {
    }

    public SessionBinding? FindSession(AgentId agent, SessionId session, EventTime? asOf = null) => inner.FindSession(agent, session, asOf);

    public void RecordSession(SessionBinding binding)
    {
    }

    public void RecordAdoption(ulong group, ulong value, ulong agent, EventTime at)
    {
    }

    public int OtherAdopters(ulong group, ulong value, ulong agent, EventTime asOf) => inner.OtherAdopters(group, value, agent, asOf);

    public (long Count, long Evicted) Size => inner.Size;
}
