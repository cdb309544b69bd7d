using Detector.Web.Hosting;
using Detector.Web.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Api;

/// <summary>
/// GET /api/models (versions and the shadow comparison); POST /api/models/shadow, /activate (a model
/// directory), /promote and /shadow/stop. Each request names its actor; 202 once published to the group.
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/models", ([FromServices] DetectorSurfaces s) => ApiResults.Ok(new ModelsView(
            s.Models?.ActiveVersion ?? s.Metrics.ModelVersion(StatusEndpoints.ActiveRole),
            s.Metrics.ModelVersion(StatusEndpoints.ShadowRole),
            s.Models is not null,
            s.Models?.Shadow)));

        Post(api, "/models/shadow", needsDirectory: true, async (m, r, ct) => await m.StartShadowAsync(r.Directory!, r.Actor!, ct).ConfigureAwait(false));
        Post(api, "/models/activate", needsDirectory: true, async (m, r, ct) => await m.ActivateAsync(r.Directory!, r.Actor!, ct).ConfigureAwait(false));
        Post(api, "/models/promote", needsDirectory: false, async (m, r, ct) => await m.PromoteAsync(r.Actor!, ct).ConfigureAwait(false));
        Post(api, "/models/shadow/stop", needsDirectory: false, async (m, r, ct) =>
        {
            await m.StopShadowAsync(r.Actor!, ct).ConfigureAwait(false);
            return null;
        });
    }

    private static void Post(RouteGroupBuilder api, string path, bool needsDirectory, Func<IModelControl, ModelRequest, CancellationToken, Task<string?>> act) =>
        api.MapPost(path, async ([FromServices] DetectorSurfaces s, HttpRequest http) =>
        {
            if (s.Models is not { } models)
                return ApiResults.Error(StatusCodes.Status409Conflict, "this host does not run a worker whose models can be switched");
            var (request, failure) = await ApiResults.ReadAsync<ModelRequest>(http).ConfigureAwait(false);
            if (request is null)
                return failure!;
            if (string.IsNullOrWhiteSpace(request.Actor))
                return ApiResults.Error(StatusCodes.Status400BadRequest, "actor is required");
            if (needsDirectory && string.IsNullOrWhiteSpace(request.Directory))
                return ApiResults.Error(StatusCodes.Status400BadRequest, "directory is required");
            try
            {
                string? version = await act(models, request, http.HttpContext.RequestAborted).ConfigureAwait(false);
                return ApiResults.Ok(new { requested = path[(path.LastIndexOf('/') + 1)..], version }, StatusCodes.Status202Accepted);
            }
            catch (ArgumentException e)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, e.Message);
            }
            catch (InvalidOperationException e)
            {
                return ApiResults.Error(StatusCodes.Status409Conflict, e.Message);
            }
        });
}
