using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>
/// A revocation endpoint hosted in process, on a loopback port the OS picks (so it never collides):
/// what the demo's broker consumer calls, and what tests make fail on purpose (<see cref="FailNext"/>).
/// </summary>
public sealed class RevocationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string IdempotencyKey, string Body)> _received = new();
    private int _failNext;
    private long _refused;

    private RevocationReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The URL to configure as the webhook.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Requests answered 2xx, in arrival order (a retried signal appears once per success).</summary>
    public IReadOnlyCollection<(string IdempotencyKey, string Body)> Received => _received;

    /// <summary>Requests answered 503 on purpose.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Answer the next <paramref name="requests"/> requests with 503 (the endpoint is "down").</summary>
    public void FailNext(int requests) => Volatile.Write(ref _failNext, requests);

    /// <summary>Called with each accepted request (the demo prints revocations as they land).</summary>
    public Action<string>? Accepted { get; set; }

    public static async Task<RevocationReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new RevocationReceiver(app);
        app.MapPost("/revoke", receiver.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Urls.First();
        receiver.Url = address.TrimEnd('/') + "/revoke";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        Interlocked.Exchange(ref _failNext, 0);
        _received.Enqueue((request.Headers["Idempotency-Key"].ToString(), body));
        Accepted?.Invoke(body);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
