namespace Detector.Simulation.Catalog;

/// <summary>A hand-over a role makes: to which role, running which of its delegated workflows.</summary>
internal sealed record DelegationRoute(string ChildRole, string ChildWorkflow, double Weight);
