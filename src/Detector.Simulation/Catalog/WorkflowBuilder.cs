using Detector.Simulation.Sessions;

namespace Detector.Simulation.Catalog;

/// <summary>Declares a workflow by tool name against a role's tools; unknown names fail when the catalog is built.</summary>
internal sealed class WorkflowBuilder(IReadOnlyList<ToolSpec> tools, string name, WorkflowUse use, double weight, Func<StepScope, string> intent)
{
    private readonly List<(ToolSpec Tool, double Weight)> _entries = [];
    private readonly Dictionary<ToolSpec, List<(ToolSpec To, double Weight)>> _edges = [];
    private readonly Dictionary<ToolSpec, double> _ends = [];

    public WorkflowBuilder Start(string tool, double weight = 1)
    {
        _entries.Add((Find(tool), weight));
        return this;
    }

    public WorkflowBuilder Link(string from, params (string To, double Weight)[] to)
    {
        var source = Find(from);
        if (!_edges.TryGetValue(source, out var list))
            _edges[source] = list = [];
        foreach (var (target, w) in to)
            list.Add((Find(target), w));
        return this;
    }

    public WorkflowBuilder End(string tool, double weight)
    {
        _ends[Find(tool)] = weight;
        return this;
    }

    public WorkflowSpec Build()
    {
        if (_entries.Count == 0)
            throw new InvalidOperationException($"workflow {name} has no entry tool");
        var reachable = new HashSet<ToolSpec>(_entries.Select(e => e.Tool));
        foreach (var (from, list) in _edges)
        {
            reachable.Add(from);
            foreach (var (to, _) in list)
                reachable.Add(to);
        }
        var states = reachable.Select(tool =>
        {
            var next = _edges.TryGetValue(tool, out var list) ? list : [];
            return new WorkflowState(tool, next.Select(e => e.To).ToArray(), next.Select(e => e.Weight).ToArray(), _ends.GetValueOrDefault(tool, 0.0));
        });
        return new WorkflowSpec(name, use, weight, intent, _entries.Select(e => e.Tool).ToArray(), _entries.Select(e => e.Weight).ToArray(), states);
    }

    private ToolSpec Find(string tool) => tools.FirstOrDefault(t => t.Name == tool)
        ?? throw new InvalidOperationException($"workflow {name} names tool {tool}, which its role lacks");
}
