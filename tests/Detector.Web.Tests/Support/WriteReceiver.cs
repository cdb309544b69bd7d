using System.Collections.Concurrent;
using System.IO.Compression;
using Detector.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Detector.Web.Tests.Support;

/// <summary>
/// An HTTP server on a free loopback port that records every write request (path, query, headers,
/// body un-gzipped) and answers with the next scripted status (204 once the script is used up).
/// </summary>
internal sealed class WriteReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;

    private WriteReceiver(WebApplication app, ConcurrentQueue<int> script, int port)
    {
        _app = app;
        _script = script;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Url { get; }

    public ConcurrentQueue<ReceivedWrite> Requests { get; } = new();

    public static async Task<WriteReceiver> StartAsync(params int[] statuses)
    {
        int port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WriteReceiver(app, new ConcurrentQueue<int>(statuses), port);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var request = http.Request;
            Stream body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            using var reader = new StreamReader(body);
            receiver.Requests.Enqueue(new ReceivedWrite(request.Path, request.QueryString.Value ?? "", request.Headers.Authorization.ToString(),
                request.Headers.ContentEncoding.ToString(), request.ContentType ?? "", await reader.ReadToEndAsync()));
            int status = receiver._script.TryDequeue(out int next) ? next : StatusCodes.Status204NoContent;
            if (status == StatusCodes.Status503ServiceUnavailable)
                http.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
