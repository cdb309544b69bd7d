using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Detector.Domain.Events;

/// <summary>
/// Configured defaults per tool name, applied when an event leaves <c>action</c> or
/// <c>sensitivity</c> out. For tools missing from the catalog the action is the one their name
/// states (<see cref="ToolNameAction"/>), and the sensitivity stays unknown. Thread-safe.
/// </summary>
public sealed class ToolCatalog
{
    public static readonly ToolCatalog Empty = new(new Dictionary<string, ToolCatalogEntry>());

    // Names seen are few; past this many (a flood of made-up names) inference is not remembered.
    private const int MaxInferred = 4096;

    private readonly FrozenDictionary<string, ToolCatalogEntry> _entries;
    private readonly ConcurrentDictionary<string, ToolAction> _inferred = new(StringComparer.Ordinal);

    public ToolCatalog(IReadOnlyDictionary<string, ToolCatalogEntry> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    public bool TryGet(string tool, out ToolCatalogEntry entry) => _entries.TryGetValue(tool, out entry);

    /// <summary>The action a tool's name states (for tools not in the catalog), remembered per name.</summary>
    public ToolAction InferredAction(string tool)
    {
        if (_inferred.TryGetValue(tool, out var action))
            return action;
        action = ToolNameAction.Of(tool);
        if (_inferred.Count < MaxInferred)
            _inferred.TryAdd(tool, action);
        return action;
    }
}

/// <summary>Catalog defaults for one tool.</summary>
public readonly record struct ToolCatalogEntry(ToolAction Action, Sensitivity Sensitivity = Sensitivity.Unknown);
