using System.Diagnostics.Metrics;
using System.Text;

namespace Detector.Observability.Prometheus;

/// <summary>
/// Everything exported for one instrument: its Prometheus name, type and help, how measurements
/// combine (summed deltas, last value, or histogram buckets) and its series by label set. Series are
/// found by an order-independent tag hash in a copy-on-write array, so recording an existing series
/// takes no lock and allocates nothing.
/// </summary>
internal sealed class MetricFamily
{
    /// <summary>The Prometheus client libraries' default buckets, used when the instrument gives no advice.</summary>
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Lock _gate = new();
    private readonly Aggregation _aggregation;
    private readonly double[] _bounds;
    private Series[] _series = [];
    private long _generation;

    public MetricFamily(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        (Kind, _aggregation) = definition switch
        {
            _ when definition == typeof(Counter<>) => (MetricKind.Counter, Aggregation.Sum),
            _ when definition == typeof(ObservableCounter<>) => (MetricKind.Counter, Aggregation.LastValue),
            _ when definition == typeof(UpDownCounter<>) => (MetricKind.Gauge, Aggregation.Sum),
            _ when definition == typeof(Histogram<>) => (MetricKind.Histogram, Aggregation.Buckets),
            _ => (MetricKind.Gauge, Aggregation.LastValue),
        };
        IsObservable = instrument.IsObservable;
        _bounds = Kind == MetricKind.Histogram ? BucketsOf(instrument) : [];
        Name = PrometheusNames.Metric(instrument, Kind);
        Help = string.IsNullOrEmpty(instrument.Description) ? instrument.Name : instrument.Description;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public bool IsObservable { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Find(tags);
        switch (_aggregation)
        {
            case Aggregation.Sum:
                series.Add(value);
                break;
            case Aggregation.LastValue:
                series.Set(value);
                break;
            default:
                series.Observe(value, _bounds);
                break;
        }
        if (IsObservable)
            series.Generation = _generation;
    }

    /// <summary>
    /// Starts a collection of an observable instrument: series its callback does not report again are
    /// left out (a revoked partition's lag disappears instead of freezing). Called under the scrape lock.
    /// </summary>
    public void BeginCollect() => _generation++;

    /// <summary>HELP, TYPE and every series, or nothing when no series has a value yet.</summary>
    public void WriteTo(StringBuilder sb)
    {
        var series = Volatile.Read(ref _series)
            .Where(s => !IsObservable || s.Generation == _generation)
            .OrderBy(s => s.Labels.Rendered, StringComparer.Ordinal)
            .ToList();
        if (series.Count == 0)
            return;
        sb.Append("# HELP ").Append(Name).Append(' ');
        TextFormat.AppendHelp(sb, Help);
        sb.Append('\n');
        sb.Append("# TYPE ").Append(Name).Append(' ').Append(Kind.ToString().ToLowerInvariant()).Append('\n');
        foreach (var s in series)
        {
            if (Kind == MetricKind.Histogram)
                WriteHistogram(sb, s);
            else
                Sample(sb, Name, s.Labels.Rendered, null, s.Value);
        }
    }

    private void WriteHistogram(StringBuilder sb, Series s)
    {
        long cumulative = 0;
        for (int i = 0; i <= _bounds.Length; i++)
        {
            cumulative += s.BucketCount(i);
            string le = i < _bounds.Length ? TextFormat.Number(_bounds[i]) : "+Inf";
            Sample(sb, Name + "_bucket", s.Labels.Rendered, le, cumulative);
        }
        Sample(sb, Name + "_sum", s.Labels.Rendered, null, s.Value);
        Sample(sb, Name + "_count", s.Labels.Rendered, null, cumulative);
    }

    private static void Sample(StringBuilder sb, string name, string labels, string? le, double value)
    {
        sb.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            sb.Append('{').Append(labels);
            if (le is not null)
                sb.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            sb.Append('}');
        }
        sb.Append(' ').Append(TextFormat.Number(value)).Append('\n');
    }

    private Series Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int hash = LabelSet.HashOf(tags);
        foreach (var s in Volatile.Read(ref _series))
        {
            if (s.Labels.Hash == hash && s.Labels.Matches(tags))
                return s;
        }
        lock (_gate)
        {
            foreach (var s in _series)
            {
                if (s.Labels.Hash == hash && s.Labels.Matches(tags))
                    return s;
            }
            var created = new Series(LabelSet.Create(tags, hash), _bounds.Length + 1);
            Volatile.Write(ref _series, [.. _series, created]);
            return created;
        }
    }

    private static double[] BucketsOf(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        return advised is { Length: > 0 } ? advised : DefaultBuckets;
    }

    private enum Aggregation
    {
        Sum,
        LastValue,
        Buckets,
    }
}
