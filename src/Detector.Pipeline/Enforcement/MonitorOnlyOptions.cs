using Detector.Scoring.Profiles;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// Where the detector only watches: matching agents are scored and alerted on as usual, but no
/// quarantine signal is sent for them. How a new model or a new fleet is introduced.
/// </summary>
public sealed class MonitorOnlyOptions
{
    /// <summary>Monitor-only for every agent. Default false.</summary>
    public bool All { get; set; }

    /// <summary>Agent ids (exact) in monitor-only mode.</summary>
    public List<string> Agents { get; set; } = [];

    /// <summary>Roles in monitor-only mode, each a pattern over the agent id with the role's name (e.g. a SPIFFE path prefix).</summary>
    public List<PeerGroupRule> Roles { get; set; } = [];

    public void Validate()
    {
        foreach (string agent in Agents)
        {
            if (string.IsNullOrWhiteSpace(agent))
                throw new ArgumentException("monitor-only agent ids must not be empty", nameof(Agents));
        }
        foreach (var role in Roles)
            role.Validate();
    }
}
