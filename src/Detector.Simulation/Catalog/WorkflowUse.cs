namespace Detector.Simulation.Catalog;

/// <summary>When a workflow runs.</summary>
internal enum WorkflowUse : byte
{
    /// <summary>Everyday tasks the agent starts itself.</summary>
    Routine = 0,
    /// <summary>High-rate batch jobs.</summary>
    Batch = 1,
    /// <summary>Tasks handed over by another agent.</summary>
    Delegated = 2,
}
