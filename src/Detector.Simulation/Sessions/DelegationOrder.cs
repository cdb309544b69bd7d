using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Sessions;

/// <summary>A hand-over to a sub-agent: who, which delegated workflow, and whether the child session is laundering.</summary>
internal sealed record DelegationOrder(Agent Child, WorkflowSpec Workflow, AttackKind? Attack);
