using Detector.TestSupport;
using Detector.Web.Feedback;
using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Web.Tests.Support;

/// <summary>
/// A real Kestrel on a free loopback port serving the surfaces as a host would (not TestServer; the
/// container disposes the surfaces, flushing InfluxDB), with
/// its feedback database in a temp folder; disposal stops it, frees the port and deletes the folder.
/// </summary>
internal sealed class SurfaceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _dir;

    private SurfaceHost(WebApplication app, TempDirectory dir, int port)
    {
        _app = app;
        _dir = dir;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = BaseAddress };
        Surfaces = app.Services.GetRequiredService<DetectorSurfaces>();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public DetectorSurfaces Surfaces { get; }

    public static async Task<SurfaceHost> StartAsync(Action<SurfaceOptions>? configure = null, ReleasePublisher? release = null)
    {
        var dir = new TempDirectory("agentdrift-web");
        var options = new SurfaceOptions { FeedbackDatabase = dir.File("feedback.db") };
        options.ReadModel.PublishInterval = TimeSpan.FromMilliseconds(200);
        configure?.Invoke(options);
        int port = LoopbackPort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddDetectorSurfaces(options, release);
        var app = builder.Build();
        app.MapDetectorSurfaces();
        await app.StartAsync();
        return new SurfaceHost(app, dir, port);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
