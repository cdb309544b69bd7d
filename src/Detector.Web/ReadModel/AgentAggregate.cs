using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// Everything the dashboard knows about one agent, bounded: latest and peak risk, counts, a
/// Space-Saving tool mix and destination list, the hourly rate ring and the open time-series window.
/// Owned by the read model's single writer; its summary row is rebuilt only after a change.
/// </summary>
internal sealed class AgentAggregate(AgentId agent, ReadModelOptions options)
{
    private static readonly TimeSpan PeakHorizon = TimeSpan.FromHours(24);

    private readonly TopCounts _tools = new(options.TopKeys);
    private readonly TopCounts _destinations = new(options.TopKeys);
    private readonly HourlyRate _rate = new(options.ChartHours);
    private AgentSummary? _summary;
    private double _risk;
    private double _peak;
    private EventTime _peakAt;
    private SessionId _session;
    private EventTime _lastSeen;
    private long _events;
    private int _alerts;
    private Severity _topSeverity;

    public AgentId Agent => agent;

    public AgentWindow Window { get; } = new(options.Window);

    public void Apply(in Observation o)
    {
        _events++;
        _risk = o.Risk;
        _session = o.Session;
        _lastSeen = EventTime.Max(_lastSeen, o.Time);
        if (o.Risk >= _peak || o.Time - _peakAt > PeakHorizon)
        {
            _peak = o.Risk;
            _peakAt = o.Time;
        }
        _tools.Add(o.Tool);
        if (o.Destination is not null)
            _destinations.Add(o.Destination);
        _rate.Add(o.Time);
        Window.Add(o);
        _summary = null;
    }

    public void CountAlert(Alert alert)
    {
        _alerts++;
        if (alert.Severity > _topSeverity)
            _topSeverity = alert.Severity;
        Window.CountAlert();
        _summary = null;
    }

    public AgentSummary Summary() => _summary ??= new AgentSummary(
        agent, _risk, _peak, _session, _lastSeen, _events, _alerts, _topSeverity, _tools.Top(1) is [var top] ? top.Name : null);

    public AgentDetail Detail() => new(Summary(), _tools.Top(options.TopKeys), _destinations.Top(options.TopKeys), _rate.Points());
}
