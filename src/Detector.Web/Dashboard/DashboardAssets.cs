using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Detector.Web.Dashboard;

/// <summary>
/// Serves the dashboard's files (embedded in this assembly under "dashboard/", see the project file)
/// from memory with an ETag: GET / is index.html, GET /assets/... the rest. They hold no data, so they
/// are public; the data behind them comes from /api under the access policy.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    public static void Map(IEndpointRouteBuilder app)
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => Load(assembly, n), StringComparer.Ordinal);
        app.MapGet("/", (HttpContext http) => Serve(http, files["index.html"]));
        app.MapGet("/assets/{**path}", (HttpContext http, string path) =>
            files.TryGetValue(path, out var file) ? Serve(http, file) : Results.NotFound());
    }

    private static IResult Serve(HttpContext http, Asset file)
    {
        http.Response.Headers.ETag = file.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch == file.ETag)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(file.Bytes, file.ContentType);
    }

    private static Asset Load(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes)[..8]) + "\"";
        return new Asset(bytes, ContentTypeOf(name), etag);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
