using Detector.Domain.Time;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Xunit;

namespace Detector.Simulation.Tests;

public sealed class OnboardingTests
{
    private static readonly SimulationRun Run = SimulationRun.Execute(new SimulationOptions { Seed = 13, Agents = 40, HistoryDays = 2, TestDays = 3, AttackRate = 0 });

    [Fact]
    public void Onboarded_agents_serve_the_new_tenant_only_after_the_onboarding()
    {
        var onboarding = FleetBuilder.Build(Run.Options.Seed, Run.Options.Agents).Onboarding;
        Assert.NotEmpty(onboarding.Agents);
        var at = EventTime.FromDateTimeOffset(Run.Options.Start) + TimeSpan.FromDays(Run.Options.HistoryDays) + TimeSpan.FromHours(8 * Run.Options.TestDays);
        var ids = onboarding.Agents.Select(a => a.Id).ToHashSet();
        var own = Run.History.Concat(Run.Events).Where(e => ids.Contains(e.Agent.Value) && e.Tenant == onboarding.Tenant && !e.IsDelegated).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, e => Assert.True(e.Time >= at));
        Assert.True(own.Select(e => e.Agent).Distinct().Count() >= Math.Min(2, ids.Count));
    }

    [Fact]
    public void Sessions_in_the_new_tenant_are_labelled_tenant_onboarding()
    {
        var onboarding = FleetBuilder.Build(Run.Options.Seed, Run.Options.Agents).Onboarding;
        var labelled = Run.Labels.Where(l => l.Scenario == Scenarios.TenantOnboarding).Select(l => l.SessionId).ToHashSet();
        Assert.NotEmpty(labelled);
        Assert.All(Run.Events.Where(e => labelled.Contains(e.Session.Value)), e => Assert.Equal(onboarding.Tenant, e.Tenant));
    }
}
