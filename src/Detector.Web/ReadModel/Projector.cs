using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Observability.Influx;
using Detector.Scoring.State;

namespace Detector.Web.ReadModel;

/// <summary>
/// The read model's state and its only writer: applies observations in arrival order, closes per-agent
/// windows into time-series points, and builds immutable snapshots. Publishing copies only what
/// changed since the last snapshot (summary rows are cached per agent; alert and signal lists are
/// rebuilt only after a new one).
/// </summary>
internal sealed class Projector
{
    private readonly ReadModelOptions _options;
    private readonly IPointWriter? _points;
    private readonly BoundedLruMap<AgentId, AgentAggregate> _agents;
    private readonly RecentItems<Alert> _alerts;
    private readonly RecentItems<QuarantineSignal> _signals;
    private ReadModelSnapshot _last = ReadModelSnapshot.Empty;
    private EventTime _watermark = EventTime.MinValue;
    private long _events;
    private bool _agentsChanged;
    private bool _alertsChanged;
    private bool _signalsChanged;

    public Projector(ReadModelOptions options, IPointWriter? points)
    {
        _options = options;
        _points = points;
        _agents = new BoundedLruMap<AgentId, AgentAggregate>(options.MaxAgents)
        {
            Evicted = (_, aggregate) => CloseWindow(aggregate),
        };
        _alerts = new RecentItems<Alert>(options.MaxAlerts);
        _signals = new RecentItems<QuarantineSignal>(options.MaxSignals);
    }

    public bool HasChanges => _agentsChanged || _alertsChanged || _signalsChanged;

    public void ApplyEvent(in Observation o)
    {
        var aggregate = Aggregate(o.Agent);
        if (aggregate.Window.IsPast(o.Time))
            CloseWindow(aggregate);
        aggregate.Apply(o);
        _watermark = EventTime.Max(_watermark, o.Time);
        _events++;
        _agentsChanged = true;
    }

    public void ApplyAlert(Alert alert)
    {
        Aggregate(alert.Agent).CountAlert(alert);
        _alerts.Add(alert);
        _alertsChanged = _agentsChanged = true;
    }

    public void ApplySignal(QuarantineSignal signal)
    {
        _signals.Add(signal);
        _signalsChanged = true;
    }

    public AgentDetail? Detail(AgentId agent) => _agents.TryPeek(agent, out var aggregate) ? aggregate.Detail() : null;

    /// <summary>
    /// Closes the windows of agents the stream has left behind: those ending a full window before the
    /// newest event time seen (one window of grace for admitted late events), or all of them at the end.
    /// </summary>
    public void CloseWindows(bool all)
    {
        var horizon = _watermark - _options.Window;
        foreach (var (_, aggregate) in _agents.Entries())
        {
            if (aggregate.Window.IsOpen && (all || aggregate.Window.End <= horizon))
                CloseWindow(aggregate);
        }
    }

    public ReadModelSnapshot Publish(long dropped)
    {
        var agents = _last.Agents;
        if (_agentsChanged)
        {
            var rows = _agents.Entries().Select(e => e.Value.Summary()).ToArray();
            Array.Sort(rows, static (a, b) => a.Risk != b.Risk ? b.Risk.CompareTo(a.Risk)
                : a.PeakRisk != b.PeakRisk ? b.PeakRisk.CompareTo(a.PeakRisk)
                : string.CompareOrdinal(a.Agent.Value, b.Agent.Value));
            agents = rows;
        }
        var alerts = _alertsChanged ? _alerts.NewestFirst() : _last.Alerts;
        var byId = _alertsChanged ? alerts.DistinctBy(a => a.AlertId).ToDictionary(a => a.AlertId, StringComparer.Ordinal) : _last.AlertsById;
        var signals = _signalsChanged ? _signals.NewestFirst() : _last.Signals;
        _agentsChanged = _alertsChanged = _signalsChanged = false;
        _last = new ReadModelSnapshot(_watermark, _events, dropped, agents, alerts, byId, signals);
        return _last;
    }

    private AgentAggregate Aggregate(AgentId agent) =>
        _agents.GetOrAdd(agent, static (id, options) => new AgentAggregate(id, options), _options);

    private void CloseWindow(AgentAggregate aggregate)
    {
        if (!aggregate.Window.IsOpen)
            return;
        var point = aggregate.Window.Close(aggregate.Agent);
        _points?.TryWrite(point);
    }
}
