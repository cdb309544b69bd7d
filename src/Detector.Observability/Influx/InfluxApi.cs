namespace Detector.Observability.Influx;

/// <summary>Which InfluxDB write endpoint to use.</summary>
public enum InfluxApi
{
    /// <summary>InfluxDB 1.x: POST /write?db=&amp;rp= (optional basic authentication).</summary>
    V1 = 1,
    /// <summary>InfluxDB 2.x and 3.x: POST /api/v2/write?org=&amp;bucket= with an API token.</summary>
    V2 = 2,
}
