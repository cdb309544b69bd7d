using Detector.Domain.Events;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>
/// A session stuck calling one or two tools as fast as they answer, failing often, for several times
/// the role's longest benign session. The final step is where it passes that ceiling by a quarter.
/// </summary>
internal sealed class RunawayLoop : IAttackShaper
{
    public AttackKind Kind => AttackKind.RunawayLoop;

    public bool Accepts(RoleSpec role, FleetRoster fleet) => LoopTools(role).Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        var candidates = LoopTools(context.Role).ToList();
        rng.Shuffle(candidates);
        var loop = candidates.Take(rng.Between(1, Math.Min(2, candidates.Count))).ToArray();
        int ceiling = SessionLimits.BenignCeiling;
        int total = (int)(ceiling * rng.Uniform(2, 3.2));
        int final = ceiling + ceiling / 4;
        double errorRate = rng.Uniform(0.3, 0.7);
        context.AppendOrdinary(1, 4);
        for (int i = 0; context.Steps.Count < total; i++)
        {
            var step = context.Add(loop[i % loop.Length]);
            step.Pace = Pace.Runaway;
            step.Outcome = rng.Chance(errorRate) ? Outcome.Error : Outcome.Success;
            step.RepeatPrevious = loop.Length == 1 && i > 0;
        }
        context.Steps[final].IsFinal = true;
    }

    private static IReadOnlyList<ToolSpec> LoopTools(RoleSpec role) =>
        [.. role.Tools.Where(t => t.Action is ToolAction.Read or ToolAction.Execute && t.Destination == DestinationKind.None)];
}
