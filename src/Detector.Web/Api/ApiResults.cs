using Detector.Web.Api.Json;
using Microsoft.AspNetCore.Http;

namespace Detector.Web.Api;

/// <summary>JSON results in the API's serialisation.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, ApiJson.Options, statusCode: status);

    public static IResult Error(int status, string message) => Results.Json(new ApiError(message), ApiJson.Options, statusCode: status);

    /// <summary>Reads a request record; null (and a 400 to return) when the body is not valid JSON for it.</summary>
    public static async Task<(T? Value, IResult? Failure)> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            var value = await request.ReadFromJsonAsync<T>(ApiJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? (null, Error(StatusCodes.Status400BadRequest, "a JSON object is required")) : (value, null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "the body is not valid JSON for this request: " + e.Message));
        }
    }

    public static int Limit(int? requested, int max = 500) => Math.Clamp(requested ?? 100, 1, max);
}
