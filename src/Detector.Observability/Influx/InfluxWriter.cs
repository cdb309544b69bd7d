using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Detector.Pipeline.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Observability.Influx;

/// <summary>
/// Sends line-protocol points to InfluxDB in the background: a bounded buffer (a full buffer drops the
/// new point and counts it, so a slow or absent server never slows the caller), batches of up to
/// BatchSize lines sent when full or FlushInterval after their first point, gzip bodies, and retries
/// with jittered exponential back-off on network errors, timeouts, 429 and 5xx. Any other status means
/// the server refused the data: retrying cannot help, so the batch is dropped and counted. Disposal
/// drains the buffer within ShutdownTimeout. Shaped like Serilog's BatchingSink: one pump loop whose
/// body cannot throw outside its single try.
/// </summary>
public sealed class InfluxWriter : IPointWriter, IAsyncDisposable
{
    private readonly InfluxOptions _options;
    private readonly InfluxEndpoint _endpoint;
    private readonly HttpClient _http;
    private readonly DetectorMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Backoff _backoff;
    private readonly Channel<string> _buffer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _written;
    private long _dropped;

    public InfluxWriter(InfluxOptions options, HttpClient http, DetectorMetrics? metrics = null, TimeProvider? time = null, ILogger<InfluxWriter>? log = null)
    {
        options.Validate();
        _options = options;
        _endpoint = new InfluxEndpoint(options);
        _http = http;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _log = (ILogger?)log ?? NullLogger.Instance;
        _backoff = new Backoff(options.InitialBackoff, options.MaxBackoff, new Random());
        _buffer = Channel.CreateBounded<string>(new BoundedChannelOptions(options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Points the server accepted.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Points given up: buffer full, refused by the server, or out of retries.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a point; false (and counted) when the buffer is full or the writer is shutting down.</summary>
    public bool TryWrite(LinePoint point)
    {
        if (_buffer.Writer.TryWrite(point.ToLine()))
            return true;
        Drop("buffer_full", 1);
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _buffer.Writer.TryComplete();
        _stop.CancelAfter(_options.ShutdownTimeout);
        await _pump.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        var batch = new List<string>(_options.BatchSize);
        var token = _stop.Token;
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                Fill(batch);
                if (batch.Count < _options.BatchSize && !_buffer.Reader.Completion.IsCompleted)
                {
                    await Task.Delay(_options.FlushInterval, _time, token).ConfigureAwait(false);
                    Fill(batch);
                }
                await SendAsync(batch, token).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            int left = batch.Count;
            while (_buffer.Reader.TryRead(out _))
                left++;
            if (left > 0)
            {
                Drop("retries_exhausted", left);
                _log.LogWarning("InfluxDB writer stopped with {Points} points unsent", left);
            }
        }
    }

    private void Fill(List<string> batch)
    {
        while (batch.Count < _options.BatchSize && _buffer.Reader.TryRead(out var line))
            batch.Add(line);
    }

    private async Task SendAsync(List<string> batch, CancellationToken token)
    {
        byte[] body = Encode(batch);
        for (int attempt = 1; ; attempt++)
        {
            var outcome = await TrySendAsync(body, token).ConfigureAwait(false);
            if (outcome.Status == SendStatus.Accepted)
            {
                Interlocked.Add(ref _written, batch.Count);
                _metrics?.CountPointsWritten(batch.Count);
                return;
            }
            if (outcome.Status == SendStatus.Refused)
            {
                Drop("rejected", batch.Count);
                _log.LogWarning("InfluxDB refused {Points} points: {Detail}", batch.Count, outcome.Detail);
                return;
            }
            if (attempt >= _options.MaxAttempts)
            {
                Drop("retries_exhausted", batch.Count);
                _log.LogWarning("InfluxDB write failed {Attempts} times, {Points} points dropped: {Detail}", attempt, batch.Count, outcome.Detail);
                return;
            }
            var delay = outcome.RetryAfter is { } after && after < _options.MaxBackoff ? after : _backoff.Delay(attempt);
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
        }
    }

    private async Task<SendOutcome> TrySendAsync(byte[] body, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint.WriteUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (_options.Gzip)
            request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = _endpoint.Authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new SendOutcome(SendStatus.Accepted, null, null);
            string detail = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token).ConfigureAwait(false)}";
            bool retriable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
            return new SendOutcome(retriable ? SendStatus.Retry : SendStatus.Refused, detail, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome(SendStatus.Retry, e.Message, null);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return new SendOutcome(SendStatus.Retry, $"no answer within {_options.RequestTimeout}", null);
        }
    }

    private byte[] Encode(List<string> batch)
    {
        var text = new StringBuilder(batch.Count * 128);
        foreach (string line in batch)
            text.Append(line).Append('\n');
        byte[] raw = Encoding.UTF8.GetBytes(text.ToString());
        if (!_options.Gzip)
            return raw;
        using var compressed = new MemoryStream(raw.Length / 4 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return compressed.ToArray();
    }

    private void Drop(string reason, int points)
    {
        Interlocked.Add(ref _dropped, points);
        _metrics?.CountPointsDropped(reason, points);
    }

    private enum SendStatus
    {
        Accepted,
        Retry,
        Refused,
    }

    private readonly record struct SendOutcome(SendStatus Status, string? Detail, TimeSpan? RetryAfter);
}
