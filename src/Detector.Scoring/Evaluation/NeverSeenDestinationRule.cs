using Detector.Domain.Events;

namespace Detector.Scoring.Evaluation;

/// <summary>
/// The one-rule baseline evaluation compares against: flag a session the first time its agent sends
/// to a destination it has never sent to before (warmed on the history when given).
/// </summary>
public sealed class NeverSeenDestinationRule
{
    private readonly HashSet<(string Agent, string Destination)> _seen = [];

    public void Learn(ToolEvent e)
    {
        if (e.Destination is not null)
            _seen.Add((e.Agent.Value, e.Destination));
    }

    /// <summary>True when the event goes to a destination new for its agent (then remembered).</summary>
    public bool Flags(ToolEvent e) => e.Destination is not null && _seen.Add((e.Agent.Value, e.Destination));
}
