using System.Globalization;
using System.Text;
using Detector.Domain.Time;

namespace Detector.Observability.Influx;

/// <summary>
/// One point of line protocol: measurement, tags, numeric fields and a millisecond timestamp
/// (<c>measurement,tag=v field=1.5,count=3i 1767603600000</c>). Tags are written sorted by key, as
/// InfluxDB recommends for write performance; empty tag values and non-finite floats are left out
/// because line protocol cannot represent them.
/// </summary>
public sealed class LinePoint(string measurement, EventTime time)
{
    private readonly SortedList<string, string> _tags = new(StringComparer.Ordinal);
    private readonly List<(string Key, double Float, long? Integer)> _fields = [];

    public LinePoint Tag(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            _tags[key] = value;
        return this;
    }

    public LinePoint Field(string key, double value)
    {
        if (double.IsFinite(value))
            _fields.Add((key, value, null));
        return this;
    }

    public LinePoint Field(string key, long value)
    {
        _fields.Add((key, 0, value));
        return this;
    }

    /// <summary>The point as one line without the line feed.</summary>
    public string ToLine()
    {
        if (_fields.Count == 0)
            throw new InvalidOperationException($"point '{measurement}' has no fields; line protocol requires at least one");
        var sb = new StringBuilder(128);
        LineProtocol.AppendMeasurement(sb, measurement);
        foreach (var (key, value) in _tags)
        {
            sb.Append(',');
            LineProtocol.AppendKey(sb, key);
            sb.Append('=');
            LineProtocol.AppendKey(sb, value);
        }
        char separator = ' ';
        foreach (var (key, f, i) in _fields)
        {
            sb.Append(separator);
            separator = ',';
            LineProtocol.AppendKey(sb, key);
            sb.Append('=');
            if (i is { } integer)
                LineProtocol.AppendInteger(sb, integer);
            else
                LineProtocol.AppendFloat(sb, f);
        }
        sb.Append(' ').Append(time.UnixMilliseconds.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
