namespace Detector.Kafka;

/// <summary>Topic names. Defaults follow docs/contracts.md; internal topics carry the <c>agentdrift.</c> prefix.</summary>
public sealed class TopicOptions
{
    /// <summary>Tool-invocation events, key = agent_id.</summary>
    public string Input { get; set; } = "agent.tool-invocations";

    public string Alerts { get; set; } = "agent.alerts";

    /// <summary>Quarantine signals for the credential broker (CloudEvents 1.0 structured JSON), key = agent_id.</summary>
    public string Quarantine { get; set; } = "agent.quarantine";

    /// <summary>Rejected input: reason, detail, source and the original bytes.</summary>
    public string DeadLetters { get; set; } = "agent.tool-invocations.dlq";

    /// <summary>Compacted changelog of per-partition scoring state (agent snapshots and checkpoint markers).</summary>
    public string State { get; set; } = "agentdrift.state";

    /// <summary>Compacted topic of credential and session bindings every worker reads in full.</summary>
    public string Bindings { get; set; } = "agentdrift.bindings";

    /// <summary>Compacted topic of model directives (which model is active, which runs in shadow) every worker follows.</summary>
    public string Models { get; set; } = "agentdrift.models";

    public IEnumerable<string> All() => [Input, Alerts, Quarantine, DeadLetters, State, Bindings, Models];

    public void Validate()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string topic in All())
        {
            if (string.IsNullOrWhiteSpace(topic) || topic.Length > 249)
                throw new ArgumentException($"topic name '{topic}' must be 1 to 249 characters");
            if (!seen.Add(topic))
                throw new ArgumentException($"topic '{topic}' is configured for two purposes");
        }
    }
}
