using System.Diagnostics.Metrics;
using System.Text;

namespace Detector.Observability.Prometheus;

/// <summary>
/// Serves the instruments of the given meters in the Prometheus text format 0.0.4: a
/// <see cref="MeterListener"/> aggregates measurements as they are recorded (counters summed, gauges
/// last value, histograms into cumulative buckets) and <see cref="Scrape"/> renders them, metrics
/// sorted by name and series by labels, so two scrapes of the same state are identical. Only the
/// meter instances passed in are listened to (by reference), so several detectors in one process
/// (tests) do not mix. Instrument names must map to distinct Prometheus names.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = TextFormat.ContentType;

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Lock _scrapeGate = new();
    private readonly HashSet<Meter> _meters;
    private readonly List<MetricFamily> _families = [];

    public PrometheusExporter(params IReadOnlyCollection<Meter> meters)
    {
        _meters = [.. meters];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!_meters.Contains(instrument.Meter))
                return;
            var family = new MetricFamily(instrument);
            lock (_gate)
                _families.Add(family);
            listener.EnableMeasurementEvents(instrument, family);
        };
        _listener.MeasurementsCompleted = (_, state) =>
        {
            lock (_gate)
                _families.Remove((MetricFamily)state!);
        };
        _listener.SetMeasurementEventCallback<double>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, v, tags, state) => ((MetricFamily)state!).Record(v, tags));
        _listener.Start();
    }

    /// <summary>
    /// Collects the observable instruments, then renders every metric. Scrapes are serialised; the
    /// family list lock is held only to copy it, never while the listener runs callbacks (which the
    /// runtime may invoke under its own instrument lock).
    /// </summary>
    public string Scrape()
    {
        lock (_scrapeGate)
        {
            MetricFamily[] families;
            lock (_gate)
                families = [.. _families.OrderBy(f => f.Name, StringComparer.Ordinal)];
            foreach (var family in families)
            {
                if (family.IsObservable)
                    family.BeginCollect();
            }
            _listener.RecordObservableInstruments();
            var sb = new StringBuilder(4096);
            foreach (var family in families)
                family.WriteTo(sb);
            return sb.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();
}
