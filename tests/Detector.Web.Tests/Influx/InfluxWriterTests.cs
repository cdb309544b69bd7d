using Detector.Domain.Time;
using Detector.Observability.Influx;
using Detector.Pipeline.Metrics;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Influx;

public sealed class InfluxWriterTests
{
    private static readonly EventTime At = EventTime.Parse("2026-01-05T10:00:00Z");

    [Fact]
    public async Task The_v2_path_posts_gzip_line_protocol_to_api_v2_write_with_org_bucket_and_token()
    {
        await using var receiver = await WriteReceiver.StartAsync();
        using var http = new HttpClient();
        var options = V2(receiver.Url);
        await using (var writer = new InfluxWriter(options, http))
        {
            Assert.True(writer.TryWrite(new LinePoint("agentdrift_agent", At).Tag("agent", "a 1").Field("risk_max", 0.5).Field("events", 3L)));
            Assert.True(writer.TryWrite(new LinePoint("agentdrift_agent", At + TimeSpan.FromMinutes(1)).Tag("agent", "a 1").Field("events", 4L)));
        }

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/api/v2/write", request.Path);
        Assert.Equal("?org=acme%20soc&bucket=agentdrift&precision=ms", request.Query);
        Assert.Equal("Token secret-token", request.Authorization);
        Assert.Equal("gzip", request.ContentEncoding);
        Assert.StartsWith("text/plain", request.ContentType);
        Assert.Equal("agentdrift_agent,agent=a\\ 1 risk_max=0.5,events=3i 1767607200000\nagentdrift_agent,agent=a\\ 1 events=4i 1767607260000\n", request.Body);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_batch_then_counts_as_written()
    {
        await using var receiver = await WriteReceiver.StartAsync(503, 500);
        using var http = new HttpClient();
        using var metrics = new DetectorMetrics();
        var writer = new InfluxWriter(V2(receiver.Url), http, metrics);
        writer.TryWrite(new LinePoint("m", At).Field("v", 1L));
        await writer.DisposeAsync();

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Equal(1, writer.Written);
        Assert.Equal(0, writer.Dropped);
    }

    [Fact]
    public async Task A_refused_batch_is_dropped_and_counted_without_retrying()
    {
        await using var receiver = await WriteReceiver.StartAsync(400);
        using var http = new HttpClient();
        var writer = new InfluxWriter(V2(receiver.Url), http);
        writer.TryWrite(new LinePoint("m", At).Field("v", 1L));
        writer.TryWrite(new LinePoint("m", At).Field("v", 2L));
        await writer.DisposeAsync();

        Assert.Single(receiver.Requests);
        Assert.Equal(0, writer.Written);
        Assert.Equal(2, writer.Dropped);
    }

    [Fact]
    public async Task Points_beyond_the_buffer_are_dropped_and_counted_while_the_server_does_not_answer()
    {
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            using var http = new HttpClient();
            var options = V2(new Uri("http://" + silent.LocalEndpoint));
            options.BatchSize = options.BufferCapacity = 2;
            options.RequestTimeout = TimeSpan.FromMinutes(5);
            options.ShutdownTimeout = TimeSpan.Zero;
            var writer = new InfluxWriter(options, http);
            int accepted = Enumerable.Range(0, 50).Count(i => writer.TryWrite(new LinePoint("m", At).Field("v", (long)i)));
            await writer.DisposeAsync();

            Assert.InRange(accepted, 2, 4);
            Assert.Equal(50, writer.Dropped);
            Assert.Equal(0, writer.Written);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void Back_off_doubles_per_try_within_its_jitter_and_stops_at_the_cap()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(7));
        for (int attempt = 1; attempt <= 8; attempt++)
        {
            double full = Math.Min(100 * Math.Pow(2, attempt - 1), 1000);
            Assert.InRange(backoff.Delay(attempt).TotalMilliseconds, full / 2, full);
        }
    }

    [Fact]
    public void Incomplete_settings_are_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => new InfluxOptions { Url = new Uri("http://x"), Api = InfluxApi.V1 }.Validate());
        Assert.Throws<ArgumentException>(() => new InfluxOptions { Url = new Uri("http://x"), Api = InfluxApi.V2, Org = "o", Bucket = "b" }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new InfluxOptions { Url = new Uri("http://x"), Database = "d", BufferCapacity = 10 }.Validate());
    }

    private static InfluxOptions V2(Uri url) => new()
    {
        Url = url,
        Api = InfluxApi.V2,
        Org = "acme soc",
        Bucket = "agentdrift",
        Token = "secret-token",
        FlushInterval = TimeSpan.FromMilliseconds(50),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
    };
}
