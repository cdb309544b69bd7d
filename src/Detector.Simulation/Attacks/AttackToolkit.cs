using Detector.Domain.Events;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>Tool choices shared by the shapers; every tool comes from the fleet's own catalog.</summary>
internal static class AttackToolkit
{
    public static IReadOnlyList<ToolSpec> SensitiveReads(RoleSpec role) =>
        [.. role.Tools.Where(t => t.Action == ToolAction.Read && t.Sensitivity.Reaches(Sensitivity.Confidential))];

    /// <summary>Privilege tools of the roles that grant privileges routinely, one spec per tool name.</summary>
    public static IReadOnlyList<ToolSpec> FleetPrivilegeTools(FleetRoster fleet) =>
        Distinct(fleet.Roles.Where(r => r.GrantsPrivileges).SelectMany(r => r.ToolsWith(ToolAction.Privilege)));

    /// <summary>Tenant-scoped tools of the fleet with the given actions, one spec per tool name, the role's own first.</summary>
    public static IReadOnlyList<ToolSpec> TenantScoped(RoleSpec role, FleetRoster fleet, params ToolAction[] actions)
    {
        var own = role.Tools.Where(t => t.TenantScoped && actions.Contains(t.Action)).ToArray();
        return own.Length > 0 ? own : Distinct(fleet.Roles.SelectMany(r => r.Tools).Where(t => t.TenantScoped && actions.Contains(t.Action)));
    }

    /// <summary>Appends reads of confidential or restricted resources with the agent's own tools.</summary>
    public static void AddSensitiveReads(AttackContext context, int min, int max)
    {
        var reads = SensitiveReads(context.Role);
        int count = context.Rng.Between(min, max);
        for (int i = 0; i < count; i++)
            context.Add(context.Rng.Pick(reads)).MinSensitivity = Sensitivity.Confidential;
    }

    /// <summary>The last step as the damaging one: it succeeds, and the label names it.</summary>
    public static Step MarkFinal(Step step)
    {
        step.IsFinal = true;
        step.Outcome = Outcome.Success;
        return step;
    }

    /// <summary>A damaging step that is not the end of a multi-step chain: the label names no final event.</summary>
    public static Step MarkSingleStep(Step step)
    {
        MarkFinal(step).EndsChain = false;
        return step;
    }

    private static ToolSpec[] Distinct(IEnumerable<ToolSpec> tools) => [.. tools.GroupBy(t => t.Name).Select(g => g.First())];
}
