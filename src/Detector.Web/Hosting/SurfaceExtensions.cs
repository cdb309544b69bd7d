using Detector.Observability.Prometheus;
using Detector.Pipeline.Metrics;
using Detector.Web.Api;
using Detector.Web.Dashboard;
using Detector.Web.Feedback;
using Detector.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Detector.Web.Hosting;

/// <summary>
/// The one way a host (the worker, `demo`) serves the surfaces:
/// <code>
/// builder.Services.AddDetectorSurfaces(options, release);
/// var app = builder.Build();
/// app.MapDetectorSurfaces();
/// var attached = app.Services.GetRequiredService&lt;DetectorSurfaces&gt;().Attach(emittingSink);
/// // new PipelineGraph(..., i => metrics.Timed(engine.CreateShard()), source, clock, attached.Tap) and run it with attached.Sink
/// </code>
/// </summary>
public static class SurfaceExtensions
{
    /// <param name="release">Sends release signals when an analyst marks a quarantined alert a false positive; null records verdicts only.</param>
    public static IServiceCollection AddDetectorSurfaces(this IServiceCollection services, SurfaceOptions options, ReleasePublisher? release = null)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DetectorMetrics>();
        services.AddHttpClient();
        services.AddSingleton(sp => new DetectorSurfaces(
            options,
            sp.GetRequiredService<DetectorMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            release,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("influx")));
        return services;
    }

    /// <summary>Maps /healthz, /metrics, /api/* and the dashboard; /metrics and /api follow <see cref="AccessPolicy"/>.</summary>
    public static WebApplication MapDetectorSurfaces(this WebApplication app)
    {
        var surfaces = app.Services.GetRequiredService<DetectorSurfaces>();
        app.MapGet("/healthz", () => Results.Text("ok"));

        var guarded = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            switch (AccessPolicy.Decide(http.Connection.LocalIpAddress, http.Request.Headers.Authorization, surfaces.Token))
            {
                case AccessDecision.Allowed:
                    return await next(context).ConfigureAwait(false);
                case AccessDecision.Unauthorized:
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    return ApiResults.Error(StatusCodes.Status401Unauthorized, "a valid bearer token is required");
                default:
                    return ApiResults.Error(StatusCodes.Status403Forbidden, "only loopback connections are answered until Web:Token is set");
            }
        });
        guarded.MapGet("/metrics", () => Results.Text(surfaces.Exporter.Scrape(), PrometheusExporter.ContentType));
        var api = guarded.MapGroup("/api");
        AgentEndpoints.Map(api);
        AlertEndpoints.Map(api);
        FeedbackEndpoints.Map(api);
        StatusEndpoints.Map(api);
        ModelEndpoints.Map(api);
        DashboardAssets.Map(app);
        return app;
    }
}
