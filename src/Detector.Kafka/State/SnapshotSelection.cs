namespace Detector.Kafka.State;

/// <summary>
/// Chooses, while a changelog partition is read in log order, the agent snapshots that belong to the
/// last completed checkpoint. Every record carries the input offset C its checkpoint covers; the last
/// marker's offset C_M is known only at the end. Valid snapshots have C &lt;= C_M, and of those the
/// latest in the log wins: a snapshot written by a checkpoint that never completed (a crash between its
/// snapshots and its marker) is ahead of C_M and is skipped in favour of the version before it.
/// Per agent, candidates are kept increasing in C: a later record with C no greater than an earlier
/// candidate's dominates it (whenever the earlier one is valid so is the later one, and it is newer).
/// </summary>
internal sealed class SnapshotSelection
{
    private readonly Dictionary<string, List<(long Covered, ReadOnlyMemory<byte> Snapshot)>> _candidates = new(StringComparer.Ordinal);

    public long MarkerOffset { get; private set; } = -1;

    public ReadOnlyMemory<byte> Marker { get; private set; }

    public void AddAgent(string agent, long covered, ReadOnlyMemory<byte> snapshot)
    {
        if (!_candidates.TryGetValue(agent, out var list))
            _candidates[agent] = list = new List<(long, ReadOnlyMemory<byte>)>(2);
        while (list.Count > 0 && list[^1].Covered >= covered)
            list.RemoveAt(list.Count - 1);
        list.Add((covered, snapshot));
    }

    public void AddMarker(long covered, ReadOnlyMemory<byte> marker)
    {
        MarkerOffset = covered;
        Marker = marker;
    }

    /// <summary>The snapshot of each agent as of the last marker; none without a marker.</summary>
    public List<ReadOnlyMemory<byte>> Snapshots()
    {
        var chosen = new List<ReadOnlyMemory<byte>>(_candidates.Count);
        if (MarkerOffset < 0)
            return chosen;
        foreach (var list in _candidates.Values)
        {
            for (int i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Covered <= MarkerOffset)
                {
                    chosen.Add(list[i].Snapshot);
                    break;
                }
            }
        }
        return chosen;
    }
}
