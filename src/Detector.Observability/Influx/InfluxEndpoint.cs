using System.Net.Http.Headers;
using System.Text;

namespace Detector.Observability.Influx;

/// <summary>
/// The write URL and authorisation for the configured API, built once:
/// 1.x POST /write?db=&amp;rp=&amp;precision=ms (https://docs.influxdata.com/influxdb/v1/tools/api/#write-http-endpoint),
/// 2.x/3.x POST /api/v2/write?org=&amp;bucket=&amp;precision=ms with "Authorization: Token ..."
/// (https://docs.influxdata.com/influxdb/v2/api/#operation/PostWrite).
/// </summary>
internal sealed class InfluxEndpoint
{
    public InfluxEndpoint(InfluxOptions options)
    {
        var url = options.Url ?? throw new ArgumentException("Influx:Url is not set", nameof(options));
        string root = url.AbsoluteUri.TrimEnd('/');
        if (options.Api == InfluxApi.V1)
        {
            string rp = options.RetentionPolicy is null ? "" : "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
            WriteUri = new Uri($"{root}/write?db={Uri.EscapeDataString(options.Database!)}{rp}&precision=ms");
            if (options.Username is not null)
            {
                string pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
                Authorization = new AuthenticationHeaderValue("Basic", pair);
            }
        }
        else
        {
            WriteUri = new Uri($"{root}/api/v2/write?org={Uri.EscapeDataString(options.Org!)}&bucket={Uri.EscapeDataString(options.Bucket!)}&precision=ms");
            Authorization = new AuthenticationHeaderValue("Token", options.Token);
        }
    }

    public Uri WriteUri { get; }

    public AuthenticationHeaderValue? Authorization { get; }
}
