namespace Detector.Simulation.Sessions;

/// <summary>The credential a session is presenting, and whether it still renews it.</summary>
internal sealed class CredentialState(IssuedCredential current, TimeSpan renewLead)
{
    public IssuedCredential Current { get; set; } = current;

    /// <summary>Renew when this close to expiry; negative in the few sessions that renew a little late.</summary>
    public TimeSpan RenewLead { get; } = renewLead;

    /// <summary>Set once the session misuses a credential: it keeps presenting that one.</summary>
    public bool Frozen { get; set; }

    /// <summary>Every credential issued to this session, closed when it ends.</summary>
    public List<IssuedCredential> Issued { get; } = [];
}
