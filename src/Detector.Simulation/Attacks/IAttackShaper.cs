using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Attacks;

/// <summary>Writes the steps of one attack scenario into a hijacked session, marking the damaging step final.</summary>
internal interface IAttackShaper
{
    AttackKind Kind { get; }

    /// <summary>Whether an agent of <paramref name="role"/> can carry this attack in this fleet.</summary>
    bool Accepts(RoleSpec role, FleetRoster fleet);

    void Shape(AttackContext context);
}
