using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Xunit;

namespace Detector.Simulation.Tests.Fleet;

public sealed class CatalogTests
{
    private static IEnumerable<ToolSpec> AllTools => FleetCatalog.Roles.SelectMany(r => r.Tools);

    [Fact]
    public void Tools_sharing_a_name_share_action_destination_kind_and_argument_names()
    {
        foreach (var group in AllTools.GroupBy(t => t.Name))
        {
            Assert.Single(group.Select(t => t.Action).Distinct());
            Assert.Single(group.Select(t => t.Destination).Distinct());
            Assert.Single(group.Select(t => string.Join(',', t.Arguments.Select(a => a.Name))).Distinct());
        }
    }

    [Fact]
    public void Rollout_tools_belong_to_no_catalog_before_the_rollout()
    {
        var names = AllTools.Select(t => t.Name).ToHashSet();
        Assert.All(FleetCatalog.Roles, r => Assert.DoesNotContain(r.RolloutTool.Name, names));
    }

    [Fact]
    public void Delegation_routes_lead_to_delegated_workflows_of_existing_roles()
    {
        foreach (var route in FleetCatalog.Roles.SelectMany(r => r.DelegatesTo))
            Assert.Equal(WorkflowUse.Delegated, FleetCatalog.Role(route.ChildRole).Workflow(route.ChildWorkflow).Use);
        Assert.All(FleetCatalog.Roles.Where(r => r.DelegatesTo.Count > 0), r => r.Tool("agents.delegate"));
    }

    [Fact]
    public void Every_role_has_routine_work_sensitive_reads_and_a_way_out()
    {
        foreach (var role in FleetCatalog.Roles)
        {
            Assert.NotEmpty(role.WorkflowsFor(WorkflowUse.Routine));
            Assert.Contains(role.Tools, t => t.Action == Detector.Domain.Events.ToolAction.Read && t.Sensitivity.Reaches(Detector.Domain.Events.Sensitivity.Confidential));
            Assert.NotEmpty(role.ExternalTransfers);
        }
    }

    [Fact]
    public void Agent_names_do_not_give_the_role_away()
    {
        var roster = FleetBuilder.Build(seed: 2, agentCount: 60);
        Assert.Equal(60, roster.Agents.Count);
        Assert.All(FleetCatalog.Roles, r => Assert.NotEmpty(roster.OfRole(r)));
        var aliases = FleetCatalog.Roles.SelectMany(r => r.Aliases.Select(a => (Alias: a, Role: r.Name))).GroupBy(x => x.Alias);
        Assert.Contains(aliases, g => g.Select(x => x.Role).Distinct().Count() > 1);
        Assert.Contains(roster.Agents, a => a.Id.Contains("/workload/", StringComparison.Ordinal));
    }
}
