using System.Collections.Concurrent;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Shadow;

/// <summary>
/// What the active model and a candidate running in shadow made of the same events since the shadow
/// started: events, alerts by kind, the actions their signals would take, and which sessions each
/// alerted on (both, only one). The shadow's outputs are recorded here and nowhere else. Thread-safe:
/// every scoring thread records into it. Sessions are remembered up to <see cref="MaxSessions"/>, and
/// those beyond are counted as untracked, so a flood of sessions cannot grow it without bound.
/// </summary>
public sealed class ShadowComparison(string activeVersion, string shadowVersion, DateTimeOffset started)
{
    public const int MaxSessions = 100_000;
    private const int RecentAlerts = 50;

    private readonly ConcurrentDictionary<SessionKey, int> _sessions = new();
    private readonly ConcurrentDictionary<(bool Shadow, string Kind), long> _alertsByKind = new();
    private readonly ConcurrentDictionary<(bool Shadow, QuarantineAction Action), long> _signalsByAction = new();
    private readonly ConcurrentQueue<Alert> _recentShadow = new();
    private long _events;
    private long _untracked;

    public string ActiveVersion { get; } = activeVersion;

    public string ShadowVersion { get; } = shadowVersion;

    public DateTimeOffset Started { get; } = started;

    /// <summary>One event both models scored: the active model's completion, then the shadow's.</summary>
    public void Record(in Completion active, in Completion shadow)
    {
        Interlocked.Increment(ref _events);
        int flags = Count(active, shadow: false) | Count(shadow, shadow: true) << 1;
        if (flags == 0)
            return;
        var session = active.Alerts.Count > 0 ? active.Session : shadow.Session;
        if (_sessions.Count >= MaxSessions && !_sessions.ContainsKey(session))
        {
            Interlocked.Increment(ref _untracked);
            return;
        }
        _sessions.AddOrUpdate(session, flags, (_, before) => before | flags);
        foreach (var alert in shadow.Alerts)
        {
            _recentShadow.Enqueue(alert);
            while (_recentShadow.Count > RecentAlerts && _recentShadow.TryDequeue(out _))
            {
            }
        }
    }

    public ShadowReport Report()
    {
        int both = 0, activeOnly = 0, shadowOnly = 0;
        foreach (var (_, flags) in _sessions)
        {
            switch (flags)
            {
                case 3: both++; break;
                case 1: activeOnly++; break;
                case 2: shadowOnly++; break;
            }
        }
        var kinds = _alertsByKind.Keys.Select(k => k.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(kind => new KindCount(kind, _alertsByKind.GetValueOrDefault((false, kind)), _alertsByKind.GetValueOrDefault((true, kind))))
            .ToArray();
        var actions = _signalsByAction.Keys.Select(k => k.Action).Distinct().Order()
            .Select(action => new ActionCount(action, _signalsByAction.GetValueOrDefault((false, action)), _signalsByAction.GetValueOrDefault((true, action))))
            .ToArray();
        return new ShadowReport(ActiveVersion, ShadowVersion, Started, Interlocked.Read(ref _events),
            kinds.Sum(k => k.Active), kinds.Sum(k => k.Shadow), both, activeOnly, shadowOnly, Interlocked.Read(ref _untracked),
            kinds, actions, _recentShadow.Reverse().ToArray());
    }

    /// <summary>Counts a completion's alerts and signals; 1 when it alerted.</summary>
    private int Count(in Completion completion, bool shadow)
    {
        foreach (var alert in completion.Alerts)
            _alertsByKind.AddOrUpdate((shadow, alert.Kind), 1, static (_, n) => n + 1);
        foreach (var signal in completion.Signals)
            _signalsByAction.AddOrUpdate((shadow, signal.Data.Action), 1, static (_, n) => n + 1);
        return completion.Alerts.Count > 0 ? 1 : 0;
    }
}
