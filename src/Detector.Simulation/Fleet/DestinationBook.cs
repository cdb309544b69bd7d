using Detector.Simulation.Catalog;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Fleet;

/// <summary>
/// An agent's recurring destinations per kind, favourites first (picked Zipf-like). New destinations
/// an agent adopts (a new vendor) join near the front, so they recur from then on.
/// </summary>
internal sealed class DestinationBook
{
    private readonly Dictionary<DestinationKind, List<string>> _known = [];

    public IReadOnlyList<string> Known(DestinationKind kind) => _known.TryGetValue(kind, out var list) ? list : [];

    public void Add(DestinationKind kind, string value)
    {
        if (!_known.TryGetValue(kind, out var list))
            _known[kind] = list = [];
        if (!list.Contains(value, StringComparer.Ordinal))
            list.Add(value);
    }

    /// <summary>Adds a destination as a new favourite (second place), so it recurs often.</summary>
    public void Adopt(DestinationKind kind, string value)
    {
        if (!_known.TryGetValue(kind, out var list))
            _known[kind] = list = [];
        if (list.Contains(value, StringComparer.Ordinal))
            return;
        list.Insert(Math.Min(1, list.Count), value);
    }

    /// <summary>A usual destination, or null when the agent has none of this kind yet.</summary>
    public string? PickKnown(DestinationKind kind, Rng rng)
    {
        var list = Known(kind);
        return list.Count == 0 ? null : list[rng.PickZipf(list.Count)];
    }
}
