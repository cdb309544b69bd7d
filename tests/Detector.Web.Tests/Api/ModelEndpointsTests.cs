using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Detector.Pipeline.Shadow;
using Detector.Web.Models;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Api;

/// <summary>/api/models over a real Kestrel: what it reports, what it asks of the host, and how it refuses.</summary>
public sealed class ModelEndpointsTests
{
    [Fact]
    public async Task Without_a_worker_the_versions_are_reported_and_switching_is_refused_with_409()
    {
        await using var host = await SurfaceHost.StartAsync();
        host.Surfaces.Metrics.SetModelVersion("active", "m-1");

        using var models = JsonDocument.Parse(await host.Client.GetStringAsync("api/models"));
        using var refused = await host.Client.PostAsJsonAsync("api/models/promote", new { actor = "dana" });

        Assert.Equal("m-1", models.RootElement.GetProperty("active").GetString());
        Assert.False(models.RootElement.GetProperty("switchable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, models.RootElement.GetProperty("comparison").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Requests_reach_the_host_with_their_actor_and_the_comparison_is_served()
    {
        await using var host = await SurfaceHost.StartAsync();
        var control = new RecordingControl();
        host.Surfaces.Models = control;

        using var shadow = await host.Client.PostAsJsonAsync("api/models/shadow", new { directory = "/models/next", actor = "dana" });
        using var promote = await host.Client.PostAsJsonAsync("api/models/promote", new { actor = "dana" });
        using var noActor = await host.Client.PostAsJsonAsync("api/models/activate", new { directory = "/models/next" });
        using var noModel = await host.Client.PostAsJsonAsync("api/models/activate", new { directory = "/nowhere", actor = "dana" });
        using var models = JsonDocument.Parse(await host.Client.GetStringAsync("api/models"));

        Assert.Equal(HttpStatusCode.Accepted, shadow.StatusCode);
        Assert.Equal("m-2", JsonDocument.Parse(await shadow.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.Accepted, promote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noActor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noModel.StatusCode);
        Assert.Contains("no readable model", await noModel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["shadow /models/next by dana", "promote by dana"], control.Requests);
        var comparison = models.RootElement.GetProperty("comparison");
        Assert.True(models.RootElement.GetProperty("switchable").GetBoolean());
        Assert.Equal("m-2", comparison.GetProperty("shadow_version").GetString());
        Assert.Equal(3, comparison.GetProperty("sessions_shadow_only").GetInt32());
        Assert.Equal("new_destination", comparison.GetProperty("kinds")[0].GetProperty("kind").GetString());
    }

    /// <summary>The host side of the requests: records them and answers as a worker would.</summary>
    private sealed class RecordingControl : IModelControl
    {
        public List<string> Requests { get; } = [];

        public string ActiveVersion => "m-1";

        public ShadowReport? Shadow { get; } = new("m-1", "m-2", DateTimeOffset.UnixEpoch, 100, 4, 6, 2, 1, 3, 0,
            [new KindCount("new_destination", 4, 6)], [], []);

        public Task<string> StartShadowAsync(string directory, string actor, CancellationToken cancellationToken)
        {
            Requests.Add($"shadow {directory} by {actor}");
            return Task.FromResult("m-2");
        }

        public Task<string> ActivateAsync(string directory, string actor, CancellationToken cancellationToken) =>
            throw new ArgumentException($"'{directory}' holds no readable model");

        public Task<string> PromoteAsync(string actor, CancellationToken cancellationToken)
        {
            Requests.Add($"promote by {actor}");
            return Task.FromResult("m-2");
        }

        public Task StopShadowAsync(string actor, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
