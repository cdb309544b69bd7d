using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Observability.Influx;

namespace Detector.Web.ReadModel;

/// <summary>
/// One agent's features over the current event-time window, written as one time-series point when
/// the window closes: risk (peak and last), events, failures, transfers, bytes out, distinct tools and
/// destinations, alerts. An admitted late event counts in the open window.
/// </summary>
internal sealed class AgentWindow(TimeSpan length)
{
    public const string Measurement = "agentdrift_agent";

    private readonly HashSet<string> _tools = new(StringComparer.Ordinal);
    private readonly HashSet<string> _destinations = new(StringComparer.Ordinal);
    private long _events;
    private long _failures;
    private long _transfers;
    private long _bytesOut;
    private long _alerts;
    private double _riskMax;
    private double _riskLast;

    public bool IsOpen => _events > 0;

    public EventTime Start { get; private set; }

    public EventTime End => Start + length;

    /// <summary>True when <paramref name="time"/> belongs to a later window than the open one (close it first).</summary>
    public bool IsPast(EventTime time) => IsOpen && time >= End;

    public void Add(in Observation o)
    {
        if (!IsOpen)
            Start = new EventTime(o.Time.UtcTicks - o.Time.UtcTicks % length.Ticks);
        _events++;
        if (o.Outcome != Outcome.Success)
            _failures++;
        if (o.Action == ToolAction.Transfer)
            _transfers++;
        _bytesOut += o.BytesOut;
        _riskMax = Math.Max(_riskMax, o.Risk);
        _riskLast = o.Risk;
        _tools.Add(o.Tool);
        if (o.Destination is not null)
            _destinations.Add(o.Destination);
    }

    public void CountAlert()
    {
        if (IsOpen)
            _alerts++;
    }

    public LinePoint Close(AgentId agent)
    {
        var point = new LinePoint(Measurement, Start)
            .Tag("agent", agent.Value)
            .Field("risk_max", _riskMax)
            .Field("risk_last", _riskLast)
            .Field("events", _events)
            .Field("failures", _failures)
            .Field("transfers", _transfers)
            .Field("bytes_out", _bytesOut)
            .Field("tools", (long)_tools.Count)
            .Field("destinations", (long)_destinations.Count)
            .Field("alerts", _alerts);
        _events = _failures = _transfers = _bytesOut = _alerts = 0;
        _riskMax = _riskLast = 0;
        _tools.Clear();
        _destinations.Clear();
        return point;
    }
}
