using Detector.Pipeline.Metrics;
using Detector.Web.Feedback;
using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Surfaces;

/// <summary>
/// Kestrel serving the analyst surfaces (dashboard, /api, /metrics, /healthz) beside a running worker,
/// for `run` and `demo` alike. Logs go to the host's logger factory; disposal stops the server and
/// flushes the surfaces (InfluxDB, feedback database).
/// </summary>
public sealed class SurfaceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SurfaceServer(WebApplication app)
    {
        _app = app;
        Surfaces = app.Services.GetRequiredService<DetectorSurfaces>();
        Addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
    }

    public DetectorSurfaces Surfaces { get; }

    /// <summary>The addresses Kestrel listens on (port 0 resolved).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <param name="urls">Kestrel URLs, ';'-separated (e.g. http://127.0.0.1:9400).</param>
    /// <param name="metrics">The detector's instruments, shared with the worker that records them.</param>
    public static async Task<SurfaceServer> StartAsync(string urls, SurfaceOptions options, DetectorMetrics metrics, ReleasePublisher? release,
        ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddDetectorSurfaces(options, release);
        var app = builder.Build();
        app.MapDetectorSurfaces();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new SurfaceServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
