using System.Diagnostics.Metrics;
using System.Text;

namespace Detector.Observability.Prometheus;

/// <summary>
/// Maps OpenTelemetry-style instrument names and UCUM units to Prometheus metric names
/// (https://prometheus.io/docs/practices/naming/): invalid characters become '_', the unit becomes a
/// base-unit suffix (s -> _seconds, By -> _bytes; annotations such as {event} add nothing) and
/// counters end in _total.
/// </summary>
internal static class PrometheusNames
{
    public static string Metric(Instrument instrument, MetricKind kind)
    {
        string name = Sanitize(instrument.Name, allowColon: true);
        string? unit = UnitSuffix(instrument.Unit);
        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
            name += "_" + unit;
        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
            name += "_total";
        return name;
    }

    /// <summary>Label names match [a-zA-Z_][a-zA-Z0-9_]* (no colon, unlike metric names).</summary>
    public static string Label(string key) => Sanitize(key, allowColon: false);

    private static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        "s" => "seconds",
        "By" => "bytes",
        _ when unit.StartsWith('{') => null,
        _ => Sanitize(unit, allowColon: false),
    };

    private static string Sanitize(string text, bool allowColon)
    {
        var sb = new StringBuilder(text.Length + 1);
        foreach (char c in text)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            sb.Append(ok ? c : '_');
        }
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
            sb.Insert(0, '_');
        return sb.ToString();
    }
}
