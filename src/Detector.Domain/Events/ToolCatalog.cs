using System.Collections.Frozen;

namespace Detector.Domain.Events;

/// <summary>
/// Configured defaults per tool name, applied when an event leaves <c>action</c> or
/// <c>sensitivity</c> out. Tools missing from the catalog keep <see cref="ToolAction.Unknown"/>.
/// </summary>
public sealed class ToolCatalog
{
    public static readonly ToolCatalog Empty = new(new Dictionary<string, ToolCatalogEntry>());

    private readonly FrozenDictionary<string, ToolCatalogEntry> _entries;

    public ToolCatalog(IReadOnlyDictionary<string, ToolCatalogEntry> entries)
    {
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    public bool TryGet(string tool, out ToolCatalogEntry entry) => _entries.TryGetValue(tool, out entry);
}

/// <summary>Catalog defaults for one tool.</summary>
public readonly record struct ToolCatalogEntry(ToolAction Action, Sensitivity Sensitivity = Sensitivity.Unknown);
