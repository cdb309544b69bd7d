using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Web.Feedback;
using Detector.Web.ReadModel;

namespace Detector.Web.Api;

/// <summary>Joins the read model's signals with the analysts' releases.</summary>
internal static class Restrictions
{
    public static IReadOnlyList<SignalView> Views(IEnumerable<QuarantineSignal> signals, FeedbackStore store) =>
        signals.Select(s => new SignalView(s, store.ReleaseOf(s.Id))).ToArray();

    /// <summary>
    /// The strongest action per agent among signals not released and not yet expired at the agent's
    /// latest event (event time, so replay shows what the broker would have enforced then).
    /// </summary>
    public static Dictionary<AgentId, QuarantineAction> InForce(ReadModelSnapshot snapshot, FeedbackStore store)
    {
        var lastSeen = snapshot.Agents.ToDictionary(a => a.Agent, a => a.LastSeen);
        var inForce = new Dictionary<AgentId, QuarantineAction>();
        foreach (var signal in snapshot.Signals)
        {
            var order = signal.Data;
            if (order.Action is QuarantineAction.None or QuarantineAction.Release || store.ReleaseOf(signal.Id) is not null)
                continue;
            if (lastSeen.TryGetValue(order.Agent, out var seen) && order.ExpiresAt <= seen)
                continue;
            if (!inForce.TryGetValue(order.Agent, out var current) || order.Action > current)
                inForce[order.Agent] = order.Action;
        }
        return inForce;
    }
}
