using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>
/// Ordinary-looking work on a misused credential, in three variants by <see cref="AttackAssignment.Variant"/>:
/// going on long after expiry, switching to another agent's credential, or replaying an old one of the agent's own.
/// </summary>
internal sealed class CredentialMisuse : IAttackShaper
{
    public AttackKind Kind => AttackKind.CredentialMisuse;

    public bool Accepts(RoleSpec role, FleetRoster fleet) => true;

    public void Shape(AttackContext context)
    {
        var directive = (context.Assignment.Variant % 3) switch
        {
            0 => CredentialDirective.LetExpire,
            1 => CredentialDirective.Foreign,
            _ => CredentialDirective.Replay,
        };
        if (directive == CredentialDirective.Replay)
        {
            context.AppendOrdinary(3, 8);
            var first = AttackToolkit.MarkSingleStep(context.Steps[0]);
            first.Credential = directive;
            return;
        }
        context.AppendOrdinary(2, 6);
        int misuse = context.Steps.Count;
        context.AppendOrdinary(2, 6);
        AttackToolkit.MarkSingleStep(context.Steps[misuse]).Credential = directive;
    }
}
