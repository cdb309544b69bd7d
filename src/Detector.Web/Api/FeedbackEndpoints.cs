using Detector.Web.Feedback;
using Detector.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Api;

/// <summary>
/// Analyst feedback: GET/POST /api/feedback (verdicts), GET/POST /api/suppressions and
/// POST /api/suppressions/{id}/lift. Every write names its actor and reason (audited).
/// </summary>
internal static class FeedbackEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/feedback", ([FromServices] DetectorSurfaces s, [FromQuery] int? limit, [FromQuery] string? verdict) =>
        {
            Verdict? only = null;
            if (verdict is not null)
            {
                if (!FeedbackNames.TryParseVerdict(verdict, out var v))
                    return ApiResults.Error(StatusCodes.Status400BadRequest, $"unknown verdict '{verdict}'");
                only = v;
            }
            return ApiResults.Ok(s.Store.Verdicts(ApiResults.Limit(limit, 10_000), only));
        });

        api.MapPost("/feedback", async ([FromServices] DetectorSurfaces s, HttpRequest http) =>
        {
            var (request, failure) = await ApiResults.ReadAsync<VerdictRequest>(http).ConfigureAwait(false);
            if (request is null)
                return failure!;
            if (!FeedbackNames.TryParseVerdict(request.Verdict, out var verdict))
                return ApiResults.Error(StatusCodes.Status400BadRequest, "verdict must be confirmed or false_positive");
            if (string.IsNullOrEmpty(request.AlertId))
                return ApiResults.Error(StatusCodes.Status400BadRequest, "alert_id is required");
            try
            {
                var outcome = await s.Feedback.JudgeAsync(request.AlertId, verdict, request.Actor ?? "", request.Reason ?? "", http.HttpContext.RequestAborted).ConfigureAwait(false);
                return outcome is null
                    ? ApiResults.Error(StatusCodes.Status404NotFound, $"alert '{request.AlertId}' is not held by the dashboard")
                    : ApiResults.Ok(outcome, StatusCodes.Status201Created);
            }
            catch (ArgumentException e)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, e.Message);
            }
        });

        api.MapGet("/suppressions", ([FromServices] DetectorSurfaces s) => ApiResults.Ok(s.Store.Suppressions()));

        api.MapPost("/suppressions", async ([FromServices] DetectorSurfaces s, [FromServices] TimeProvider time, HttpRequest http) =>
        {
            var (request, failure) = await ApiResults.ReadAsync<SuppressionRequest>(http).ConfigureAwait(false);
            if (request is null)
                return failure!;
            if (!FeedbackNames.TryParseScope(request.Scope, out var scope))
                return ApiResults.Error(StatusCodes.Status400BadRequest, "scope must be agent, tool, destination or kind");
            var expires = request.ExpiresAt ?? (request.TtlHours is > 0 and <= 24 * 366 ? time.GetUtcNow().AddHours(request.TtlHours.Value) : null);
            if (expires is null)
                return ApiResults.Error(StatusCodes.Status400BadRequest, "expires_at, or ttl_hours between 0 and 8784, is required");
            try
            {
                var created = s.Feedback.Suppress(scope, request.Value ?? "", expires.Value, request.Actor ?? "", request.Reason ?? "");
                return ApiResults.Ok(created, StatusCodes.Status201Created);
            }
            catch (ArgumentException e)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, e.Message);
            }
        });

        api.MapPost("/suppressions/{id:long}/lift", async ([FromServices] DetectorSurfaces s, long id, HttpRequest http) =>
        {
            var (request, failure) = await ApiResults.ReadAsync<LiftRequest>(http).ConfigureAwait(false);
            if (request is null)
                return failure!;
            try
            {
                var lifted = s.Feedback.Lift(id, request.Actor ?? "");
                return lifted is null ? ApiResults.Error(StatusCodes.Status404NotFound, $"no suppression {id} in force") : ApiResults.Ok(lifted);
            }
            catch (ArgumentException e)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, e.Message);
            }
        });
    }
}
