using Detector.Domain.Outputs;
using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Api;

/// <summary>GET /api/alerts (newest first, filtered by agent or minimum severity), GET /api/alerts/{id}, GET /api/quarantines.</summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ([FromServices] DetectorSurfaces s, [FromQuery] int? limit, [FromQuery] string? agent, [FromQuery(Name = "min_severity")] string? minSeverity) =>
        {
            var floor = Severity.None;
            if (minSeverity is not null && !OutputEnums.TryParseSeverity(minSeverity, out floor))
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"unknown severity '{minSeverity}'");
            var rows = s.ReadModel.Snapshot.Alerts
                .Where(a => a.Severity >= floor && (agent is null || a.Agent.Value == agent))
                .Take(ApiResults.Limit(limit))
                .Select(a => new AlertRow(a, s.Store.VerdictOf(a.AlertId)));
            return ApiResults.Ok(rows);
        });

        api.MapGet("/alerts/{id}", ([FromServices] DetectorSurfaces s, string id) =>
        {
            var snapshot = s.ReadModel.Snapshot;
            if (!snapshot.AlertsById.TryGetValue(id, out var alert))
                return ApiResults.Error(StatusCodes.Status404NotFound, $"alert '{id}' is not held by the dashboard");
            var signals = Restrictions.Views(snapshot.Signals.Where(x => x.Data.AlertIds.Contains(id)), s.Store);
            return ApiResults.Ok(new AlertDetailView(alert, s.Store.VerdictOf(id), signals));
        });

        api.MapGet("/quarantines", ([FromServices] DetectorSurfaces s, [FromQuery] int? limit) =>
            ApiResults.Ok(Restrictions.Views(s.ReadModel.Snapshot.Signals.Take(ApiResults.Limit(limit)), s.Store)));
    }
}
