namespace Detector.Observability.Influx;

/// <summary>Where and how per-agent time series are written. Plain settings with documented defaults, validated once.</summary>
public sealed class InfluxOptions
{
    /// <summary>Base address of the server, e.g. http://127.0.0.1:8086. Null turns the writer off.</summary>
    public Uri? Url { get; set; }

    public InfluxApi Api { get; set; } = InfluxApi.V1;

    /// <summary>1.x database (required for <see cref="InfluxApi.V1"/>).</summary>
    public string? Database { get; set; }

    /// <summary>1.x retention policy; the database's default when null.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>1.x basic-authentication user and password, when the server requires them.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>2.x/3.x organisation, bucket and API token (all required for <see cref="InfluxApi.V2"/>).</summary>
    public string? Org { get; set; }

    public string? Bucket { get; set; }

    public string? Token { get; set; }

    /// <summary>Most points per request. Default 5,000 (InfluxData recommends 5,000-10,000 lines per batch).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>A batch that is not full is sent this long after its first point. Default 1 second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Points waiting to be sent; beyond it new points are dropped and counted. Default 100,000.</summary>
    public int BufferCapacity { get; set; } = 100_000;

    /// <summary>Tries per batch (the first included) on a network error, a timeout, 429 or 5xx. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Back-off before the second try; it doubles per try up to <see cref="MaxBackoff"/>. Defaults 250 ms and 10 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per request. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On shutdown, how long buffered points may take to be sent before the rest are counted as dropped. Default 5 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Compress request bodies (Content-Encoding: gzip). Default on.</summary>
    public bool Gzip { get; set; } = true;

    public void Validate()
    {
        if (Url is null)
            return;
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Influx:Url must be an absolute http(s) address, got '{Url}'", nameof(Url));
        if (Api == InfluxApi.V1 && string.IsNullOrWhiteSpace(Database))
            throw new ArgumentException("Influx:Database is required for the 1.x API", nameof(Database));
        if (Api == InfluxApi.V2 && (string.IsNullOrWhiteSpace(Org) || string.IsNullOrWhiteSpace(Bucket) || string.IsNullOrWhiteSpace(Token)))
            throw new ArgumentException("Influx:Org, Influx:Bucket and Influx:Token are required for the 2.x API", nameof(Api));
        if (Api is not (InfluxApi.V1 or InfluxApi.V2))
            throw new ArgumentOutOfRangeException(nameof(Api), Api, "must be V1 or V2");
        if (BatchSize is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be between 1 and 100000");
        if (BufferCapacity < BatchSize)
            throw new ArgumentOutOfRangeException(nameof(BufferCapacity), BufferCapacity, "must be at least BatchSize");
        if (MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "must be positive");
        if (FlushInterval <= TimeSpan.Zero || InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff || RequestTimeout <= TimeSpan.Zero || ShutdownTimeout < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(FlushInterval), "intervals must be positive and MaxBackoff at least InitialBackoff");
    }
}
