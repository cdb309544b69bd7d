namespace Detector.Scoring.Rules;

/// <summary>
/// How established a step's destination is for the agent, ordered from familiar to unknown (after
/// <see cref="None"/>), so rules may say <c>&gt;=young</c>. Values are persisted: never renumber.
/// </summary>
public enum DestinationClass : byte
{
    /// <summary>The step has no destination.</summary>
    None = 0,
    /// <summary>Used by the agent for a while.</summary>
    Established = 1,
    /// <summary>Seen before, but only recently or rarely.</summary>
    Young = 2,
    /// <summary>Never used by the agent; some peer uses it.</summary>
    NewForAgent = 3,
    /// <summary>Never used by the agent nor by any peer.</summary>
    NewForPeers = 4,
}
