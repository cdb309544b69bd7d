using Detector.Domain.Identity;

namespace Detector.Pipeline.Enforcement;

/// <summary>Answers whether an agent is in monitor-only mode (globally, by id, or by role pattern).</summary>
public sealed class MonitorOnlyScope(MonitorOnlyOptions options)
{
    private readonly HashSet<string> _agents = new(options.Agents, StringComparer.Ordinal);

    public bool Covers(AgentId agent)
    {
        if (options.All || _agents.Contains(agent.Value))
            return true;
        foreach (var role in options.Roles)
        {
            if (role.TryMatch(agent.Value, out _))
                return true;
        }
        return false;
    }
}
