using Detector.Domain.Identity;
using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Api;

/// <summary>
/// GET /api/agents (ranked by current risk) and GET /api/agents/{id}. Agent ids are SPIFFE URIs with
/// slashes, so the id is a catch-all segment, URL-encoded or not.
/// </summary>
internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/agents", ([FromServices] DetectorSurfaces s, [FromQuery] int? limit) =>
        {
            var snapshot = s.ReadModel.Snapshot;
            var inForce = Restrictions.InForce(snapshot, s.Store);
            var rows = snapshot.Agents.Take(ApiResults.Limit(limit, 10_000))
                .Select(a => new AgentRow(a, inForce.TryGetValue(a.Agent, out var action) ? action : null));
            return ApiResults.Ok(rows);
        });

        api.MapGet("/agents/{**id}", async ([FromServices] DetectorSurfaces s, string id, HttpContext http) =>
        {
            var agent = new AgentId(Uri.UnescapeDataString(id));
            var detail = await s.ReadModel.GetAgentAsync(agent, http.RequestAborted).ConfigureAwait(false);
            if (detail is null)
                return ApiResults.Error(StatusCodes.Status404NotFound, $"agent '{agent}' is not held by the dashboard");
            var snapshot = s.ReadModel.Snapshot;
            var alerts = snapshot.Alerts.Where(a => a.Agent == agent).Take(50).Select(a => new AlertRow(a, s.Store.VerdictOf(a.AlertId))).ToArray();
            var signals = Restrictions.Views(snapshot.Signals.Where(x => x.Data.Agent == agent), s.Store);
            return ApiResults.Ok(new AgentView(detail, alerts, signals));
        });
    }
}
