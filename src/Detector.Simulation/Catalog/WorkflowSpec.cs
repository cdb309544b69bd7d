using Detector.Simulation.Randomness;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Catalog;

/// <summary>
/// A task type of a role as a weighted Markov chain over its tools: entry tools, transitions and
/// a weight for ending after each tool. A session walks it once.
/// </summary>
internal sealed class WorkflowSpec
{
    private readonly IReadOnlyList<ToolSpec> _entries;
    private readonly double[] _entryWeights;
    private readonly Dictionary<ToolSpec, WorkflowState> _states;

    public WorkflowSpec(string name, WorkflowUse use, double weight, Func<StepScope, string> intent,
        IReadOnlyList<ToolSpec> entries, double[] entryWeights, IEnumerable<WorkflowState> states)
    {
        Name = name;
        Use = use;
        Weight = weight;
        Intent = intent;
        _entries = entries;
        _entryWeights = entryWeights;
        _states = states.ToDictionary(s => s.Tool);
    }

    public string Name { get; }

    public WorkflowUse Use { get; }

    public double Weight { get; }

    public Func<StepScope, string> Intent { get; }

    /// <summary>
    /// Appends one walk of <paramref name="minSteps"/>..<paramref name="maxSteps"/> tools: ending is
    /// ignored until the minimum is reached, and the walk stops at the maximum.
    /// </summary>
    public void Walk(Rng rng, int minSteps, int maxSteps, List<ToolSpec> into)
    {
        var tool = Entry(rng);
        into.Add(tool);
        Continue(tool, rng, minSteps - 1, maxSteps - 1, into);
    }

    /// <summary>Appends up to <paramref name="maxSteps"/> more tools after <paramref name="from"/>.</summary>
    public void Continue(ToolSpec from, Rng rng, int minSteps, int maxSteps, List<ToolSpec> into)
    {
        var tool = from;
        for (int n = 0; n < maxSteps; n++)
        {
            var state = _states[tool];
            bool mayEnd = n >= minSteps;
            if (state.Next.Count == 0)
            {
                if (mayEnd)
                    return;
                // A dead end before the task has its minimum length: the agent starts another round.
                tool = Entry(rng);
            }
            else
            {
                if (mayEnd && rng.NextDouble() * (Sum(state.Weights) + state.EndWeight) < state.EndWeight)
                    return;
                tool = state.Next[rng.PickIndex(state.Weights)];
            }
            into.Add(tool);
        }
    }

    public ToolSpec Entry(Rng rng) => _entries[rng.PickIndex(_entryWeights)];

    private static double Sum(double[] weights)
    {
        double total = 0;
        foreach (double w in weights)
            total += w;
        return total;
    }
}
