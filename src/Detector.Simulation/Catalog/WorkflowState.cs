namespace Detector.Simulation.Catalog;

/// <summary>One state of a workflow's Markov chain: the tool just called and where the task goes next.</summary>
internal sealed record WorkflowState(ToolSpec Tool, IReadOnlyList<ToolSpec> Next, double[] Weights, double EndWeight);
