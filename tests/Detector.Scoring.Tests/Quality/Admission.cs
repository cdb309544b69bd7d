using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Scoring.Tests.Quality;

/// <summary>
/// The admission the CLI's replay and training passes apply before scoring (the pipeline's parse step
/// and ingest gate, with their default settings, in a small in-test loop since this project does not
/// reference the pipeline): JSONL records parsed with the default limits and an empty tool catalog,
/// redeliveries of an event id within an hour of event time dropped, and events more than five minutes
/// older than their agent's newest applied event rejected as late. Replay has no future-skew check.
/// </summary>
internal sealed class Admission
{
    private static readonly TimeSpan DedupWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan AllowedLateness = TimeSpan.FromMinutes(5);

    private readonly ToolEventParser _parser = new(new IngestLimits());
    private readonly HashSet<ulong> _ids = [];
    private readonly Queue<(ulong Id, EventTime Time)> _order = new();
    private EventTime _newest = EventTime.MinValue;

    /// <summary>Non-blank records in file order, each with its position (as `detector evaluate` counts them).</summary>
    public static IEnumerable<(long Position, ReadOnlyMemory<byte> Record)> Records(byte[] jsonl)
    {
        long position = 0;
        int start = 0;
        while (start < jsonl.Length)
        {
            int end = Array.IndexOf(jsonl, (byte)'\n', start);
            if (end < 0)
                end = jsonl.Length;
            if (end > start)
                yield return (position++, jsonl.AsMemory(start, end - start));
            start = end + 1;
        }
    }

    /// <summary>Parses a record into <paramref name="target"/>; false for a record the parse step would dead-letter.</summary>
    public bool TryParse(ReadOnlyMemory<byte> record, ToolEvent target) => _parser.Parse(record.Span, target).IsAccepted;

    /// <summary>Whether the gate applies a parsed event to the shard (and then remembers its id).</summary>
    public bool Admit(ToolEvent e, IScoringShard shard)
    {
        ulong id = StableHash.Of(e.EventId);
        if (_ids.Contains(id))
            return false;
        if (shard.TryGetHighWater(e.Agent, out var highWater) && e.Time < highWater - AllowedLateness)
            return false;
        _ids.Add(id);
        _order.Enqueue((id, e.Time));
        _newest = EventTime.Max(_newest, e.Time);
        while (_order.Count > 0 && _order.Peek().Time < _newest - DedupWindow)
            _ids.Remove(_order.Dequeue().Id);
        return true;
    }
}
