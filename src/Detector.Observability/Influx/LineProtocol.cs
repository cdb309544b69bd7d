using System.Globalization;
using System.Text;

namespace Detector.Observability.Influx;

/// <summary>
/// Escaping rules of the InfluxDB line protocol
/// (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/#special-characters):
/// measurements escape commas and spaces; tag keys, tag values and field keys also escape equals
/// signs. Line protocol cannot carry a line feed in any of them, so line breaks become spaces.
/// </summary>
internal static class LineProtocol
{
    public static void AppendMeasurement(StringBuilder sb, string name) => Append(sb, name, escapeEquals: false);

    public static void AppendKey(StringBuilder sb, string key) => Append(sb, key, escapeEquals: true);

    /// <summary>Floats in the shortest round-trip form; integers carry the 'i' suffix so they stay integers.</summary>
    public static void AppendFloat(StringBuilder sb, double value) => sb.Append(value.ToString("R", CultureInfo.InvariantCulture));

    public static void AppendInteger(StringBuilder sb, long value) => sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append('i');

    private static void Append(StringBuilder sb, string text, bool escapeEquals)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case ',':
                case ' ':
                    sb.Append('\\').Append(c);
                    break;
                case '=' when escapeEquals:
                    sb.Append("\\=");
                    break;
                case '\n':
                case '\r':
                    sb.Append("\\ ");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }
}
