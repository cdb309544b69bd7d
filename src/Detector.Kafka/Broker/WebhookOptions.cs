namespace Detector.Kafka.Broker;

/// <summary>
/// The revocation endpoint the reference broker calls for each verified signal (a secrets manager's
/// lease revocation, an identity provider's entry ban, ...): an HTTP POST of the CloudEvent as received.
/// </summary>
public sealed class WebhookOptions
{
    public string Url { get; set; } = "http://127.0.0.1:8080/revoke";

    /// <summary>Extra request headers, e.g. Authorization.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per attempt. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per signal (transport errors, 408, 429 and 5xx are retried) before it is dead-lettered. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second attempt; doubles per attempt up to <see cref="MaxBackoff"/>. Default 200 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Broker:Webhook:Url must be an absolute http(s) URL, not '{Url}'");
        if (Timeout <= TimeSpan.Zero || MaxAttempts < 1 || InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "webhook timeout and attempts must be positive, backoffs ordered");
    }
}
