using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.TestSupport;
using Detector.Web.Feedback;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Api;

/// <summary>The JSON API over a real Kestrel, fed by a replay of the test fleet with its injected attack.</summary>
public sealed class ApiTests
{
    [Fact]
    public async Task The_api_ranks_the_attacked_agent_first_and_serves_the_attack_alert_with_its_evidence_chain()
    {
        await using var host = await SurfaceHost.StartAsync();
        var replay = await AttackReplay.RunAsync(host.Surfaces);
        var alert = replay.AttackAlert;

        using var agents = await GetJsonAsync(host, "api/agents?limit=10");
        var top = agents.RootElement[0];
        Assert.Equal(AgentTraffic.Agent(0), top.GetProperty("agent").GetProperty("agent").GetString());
        Assert.Equal("quarantine_agent", top.GetProperty("restriction").GetString());

        using var feed = await GetJsonAsync(host, "api/alerts?limit=500");
        Assert.Equal(replay.Emitted.Alerts.Count, feed.RootElement.GetArrayLength());
        Assert.Equal(replay.Emitted.Alerts[^1].AlertId, feed.RootElement[0].GetProperty("alert").GetProperty("alert_id").GetString());

        using var detail = await GetJsonAsync(host, "api/alerts/" + alert.AlertId);
        var contract = detail.RootElement.GetProperty("alert");
        Assert.Equal(alert.Explanation, contract.GetProperty("explanation").GetString());
        Assert.Equal(alert.Evidence.Select(e => e.EventId), contract.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));
        Assert.All(alert.Evidence, step => Assert.Contains(step.EventId, replay.Traffic.AttackEvents));
        Assert.Equal("quarantine_agent", detail.RootElement.GetProperty("signals")[0].GetProperty("signal").GetProperty("data").GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_agent_page_shows_its_tool_mix_destinations_and_hourly_rate_with_a_band()
    {
        await using var host = await SurfaceHost.StartAsync();
        await AttackReplay.RunAsync(host.Surfaces);

        using var page = await GetJsonAsync(host, "api/agents/" + Uri.EscapeDataString(AgentTraffic.Agent(0)));
        var detail = page.RootElement.GetProperty("detail");
        var tools = detail.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal("read_ticket", tools[0]);
        Assert.Contains("export_data", tools);
        Assert.Contains(AgentTraffic.AttackDestination, detail.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var rate = detail.GetProperty("rate").EnumerateArray().ToList();
        Assert.Equal(168, rate.Count);
        Assert.Contains(rate, p => p.GetProperty("high").ValueKind == JsonValueKind.Number);
        Assert.True(page.RootElement.GetProperty("alerts").GetArrayLength() > 0);

        using var raw = await host.Client.GetAsync("api/agents/" + AgentTraffic.Agent(0));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        using var missing = await host.Client.GetAsync("api/agents/spiffe%3A%2F%2Fcorp.example%2Fagent%2Fnobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Marking_the_quarantined_alert_a_false_positive_releases_its_quarantine_once_and_audits_who_and_why()
    {
        var released = new List<ReleaseRequest>();
        await using var host = await SurfaceHost.StartAsync(release: (request, _) =>
        {
            released.Add(request);
            return Task.CompletedTask;
        });
        var replay = await AttackReplay.RunAsync(host.Surfaces);
        var body = new { alert_id = replay.AttackAlert.AlertId, verdict = "false_positive", actor = "dana", reason = "sanctioned data migration" };

        using var first = await host.Client.PostAsJsonAsync("api/feedback", body);
        using var second = await host.Client.PostAsJsonAsync("api/feedback", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var request = Assert.Single(released);
        Assert.Equal(QuarantineAction.QuarantineAgent, request.Original.Data.Action);
        Assert.Equal("dana", request.Actor);
        using var audit = await GetJsonAsync(host, "api/feedback?verdict=false_positive");
        Assert.Equal(2, audit.RootElement.GetArrayLength());
        Assert.Equal("sanctioned data migration", audit.RootElement[0].GetProperty("reason").GetString());
        Assert.Equal("false_positive", audit.RootElement[0].GetProperty("verdict").GetString());
        using var quarantines = await GetJsonAsync(host, "api/quarantines");
        var lifted = quarantines.RootElement.EnumerateArray().Single(q => q.GetProperty("signal").GetProperty("id").GetString() == request.Original.Id);
        Assert.Equal("dana", lifted.GetProperty("release").GetProperty("actor").GetString());
        // The agent stays restricted only by the strongest of its signals that were not released.
        string agent = request.Original.Subject;
        var unreleased = quarantines.RootElement.EnumerateArray()
            .Where(q => q.GetProperty("signal").GetProperty("subject").GetString() == agent && q.GetProperty("release").ValueKind == JsonValueKind.Null)
            .Select(q => OutputEnums.TryParseAction(q.GetProperty("signal").GetProperty("data").GetProperty("action").GetString()!, out var a) ? a : QuarantineAction.None)
            .Where(a => a != QuarantineAction.Release)
            .DefaultIfEmpty(QuarantineAction.None).Max();
        using var agents = await GetJsonAsync(host, "api/agents?limit=1000");
        var row = agents.RootElement.EnumerateArray().Single(r => r.GetProperty("agent").GetProperty("agent").GetString() == agent);
        var restriction = row.GetProperty("restriction");
        if (unreleased == QuarantineAction.None)
            Assert.Equal(JsonValueKind.Null, restriction.ValueKind);
        else
            Assert.Equal(unreleased.WireName(), restriction.GetString());
    }

    [Fact]
    public async Task Feedback_without_an_actor_or_for_an_unknown_alert_is_refused()
    {
        await using var host = await SurfaceHost.StartAsync();
        var replay = await AttackReplay.RunAsync(host.Surfaces);

        using var anonymous = await host.Client.PostAsJsonAsync("api/feedback", new { alert_id = replay.AttackAlert.AlertId, verdict = "confirmed", actor = "", reason = "x" });
        using var unknown = await host.Client.PostAsJsonAsync("api/feedback", new { alert_id = "no-such-alert", verdict = "confirmed", actor = "dana", reason = "x" });
        using var badVerdict = await host.Client.PostAsJsonAsync("api/feedback", new { alert_id = replay.AttackAlert.AlertId, verdict = "maybe", actor = "dana", reason = "x" });
        using var notJson = await host.Client.PostAsync("api/feedback", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badVerdict.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Empty(host.Surfaces.Store.Verdicts(10));
    }

    [Fact]
    public async Task Status_models_health_metrics_and_the_dashboard_page_are_served()
    {
        await using var host = await SurfaceHost.StartAsync();
        using var breaker = host.Surfaces.Metrics.ObserveCircuitBreaker("quarantine-producer", () => Pipeline.Metrics.CircuitState.HalfOpen);
        await AttackReplay.RunAsync(host.Surfaces);
        host.Surfaces.Metrics.SetModelVersion("active", "m-7");

        using var status = await GetJsonAsync(host, "api/status");
        Assert.Equal("m-7", status.RootElement.GetProperty("active_model").GetString());
        Assert.Equal("half_open", status.RootElement.GetProperty("circuit_breakers")[0].GetProperty("state").GetString());
        Assert.True(status.RootElement.GetProperty("events").GetInt64() > 0);
        using var models = await GetJsonAsync(host, "api/models");
        Assert.Equal("m-7", models.RootElement.GetProperty("active").GetString());
        Assert.Equal("ok", await host.Client.GetStringAsync("healthz"));
        using var metrics = await host.Client.GetAsync("metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
        await Metrics.Promtool.AssertValidAsync(await metrics.Content.ReadAsStringAsync());
        Assert.Contains("uPlot.iife.min.js", await host.Client.GetStringAsync("/"));
        using var chart = await host.Client.GetAsync("assets/vendor/uplot/uPlot.iife.min.js");
        Assert.Equal("text/javascript; charset=utf-8", chart.Content.Headers.ContentType!.ToString());
    }

    private static async Task<JsonDocument> GetJsonAsync(SurfaceHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
