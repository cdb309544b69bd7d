using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>
/// Keeps the highest risk and alert count of every session that had an applied event, and writes
/// them at the end ordered by each session's first input position. Grows with the number of
/// sessions in the input: meant for replay and evaluation, not the long-running worker.
/// </summary>
public sealed class SessionScoreLedger : IOutcomeSink
{
    private readonly Dictionary<SessionKey, Entry> _sessions = new();
    private readonly JsonLinesWriter? _writer;

    public SessionScoreLedger(JsonLinesWriter? writer = null)
    {
        _writer = writer;
    }

    public int Count => _sessions.Count;

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (completion.Disposition != Disposition.Applied)
            return ValueTask.CompletedTask;
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sessions, completion.Session, out bool exists);
        if (!exists)
            entry.FirstSequence = completion.Sequence;
        entry.MaxRisk = Math.Max(entry.MaxRisk, completion.SessionRisk);
        entry.Alerts += completion.Alerts.Count;
        return ValueTask.CompletedTask;
    }

    /// <summary>Every session in first-seen order.</summary>
    public IEnumerable<SessionScore> Scores() => _sessions
        .OrderBy(kv => kv.Value.FirstSequence)
        .Select(kv => new SessionScore(kv.Key.Session, kv.Key.Agent, kv.Value.MaxRisk, kv.Value.Alerts));

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
            return;
        foreach (var score in Scores())
            _writer.WriteLine(ContractJson.WriteSessionScore, score);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private struct Entry
    {
        public long FirstSequence;
        public double MaxRisk;
        public int Alerts;
    }
}
