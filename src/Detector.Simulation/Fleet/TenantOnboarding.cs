namespace Detector.Simulation.Fleet;

/// <summary>
/// Mid-test, some agents of a multi-tenant role start serving a tenant they never served before
/// (one their peers of other roles already know): legitimate cross-tenant novelty.
/// </summary>
internal sealed record TenantOnboarding(string Tenant, IReadOnlySet<Agent> Agents);
