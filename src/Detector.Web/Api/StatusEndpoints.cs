using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Api;

/// <summary>GET /api/status: health, breakers, drops, model versions.</summary>
internal static class StatusEndpoints
{
    public const string ActiveRole = "active";
    public const string ShadowRole = "shadow";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/status", ([FromServices] DetectorSurfaces s) =>
        {
            var snapshot = s.ReadModel.Snapshot;
            var breakers = s.Metrics.CircuitBreakers().Select(b => new BreakerView(b.Name, b.State)).ToArray();
            var (written, dropped) = s.Influx;
            var (alerts, signals) = s.Suppressed;
            return ApiResults.Ok(new StatusView(snapshot.Watermark, snapshot.Events, s.ReadModel.Dropped, breakers, written, dropped, alerts, signals,
                s.Metrics.ModelVersion(ActiveRole), s.Metrics.ModelVersion(ShadowRole)));
        });
    }
}
