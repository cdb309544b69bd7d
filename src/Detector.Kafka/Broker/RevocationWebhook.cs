using System.Net;
using System.Net.Http.Headers;

namespace Detector.Kafka.Broker;

/// <summary>
/// Posts a verified signal, as received, to the revocation endpoint. Transport errors, timeouts, 408,
/// 429 and 5xx are retried with exponential back-off; other 4xx answers are final. The signal id goes
/// in an Idempotency-Key header, since at-least-once delivery may call the endpoint twice for one signal.
/// </summary>
public sealed class RevocationWebhook : IDisposable
{
    private static readonly MediaTypeHeaderValue CloudEventsJson = new("application/cloudevents+json") { CharSet = "utf-8" };

    private readonly WebhookOptions _options;
    private readonly HttpClient _http;
    private readonly Backoff _backoff;
    private readonly Uri _url;

    public RevocationWebhook(WebhookOptions options)
    {
        _options = options;
        _url = new Uri(options.Url);
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.Timeout };
        _backoff = new Backoff(options.InitialBackoff, options.MaxBackoff);
    }

    /// <summary>Attempts that failed and were retried, since start.</summary>
    public long Retries { get; private set; }

    public WebhookResult Deliver(string signalId, byte[] body, CancellationToken cancellationToken)
    {
        string failure = "";
        for (int attempt = 1; ; attempt++)
        {
            bool retriable;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = CloudEventsJson;
                request.Headers.TryAddWithoutValidation("Idempotency-Key", signalId);
                foreach (var (name, value) in _options.Headers)
                    request.Headers.TryAddWithoutValidation(name, value);
                using var response = _http.Send(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return new WebhookResult(true, attempt, "");
                failure = $"HTTP {(int)response.StatusCode}";
                retriable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = e.Message;
                retriable = true;
            }
            if (!retriable || attempt >= _options.MaxAttempts)
                return new WebhookResult(false, attempt, failure);
            Retries++;
            cancellationToken.WaitHandle.WaitOne(_backoff.After(attempt));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => _http.Dispose();
}
