using Detector.Domain.Outputs;
using Detector.TestSupport;
using Detector.Web.Feedback;
using Detector.Web.Tests.Metrics;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Feedback;

public sealed class SuppressionTests
{
    private static readonly DateTimeOffset Far = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SuppressionScope.Agent)]
    [InlineData(SuppressionScope.Destination)]
    public async Task A_suppression_withholds_the_matching_alerts_and_the_signals_they_alone_caused_from_every_sink(SuppressionScope scope)
    {
        var unsuppressed = await AttackReplay.RunAsync(null);
        var attack = unsuppressed.AttackAlert;
        string value = scope == SuppressionScope.Agent ? attack.Agent.Value : unsuppressed.Traffic.DestinationOf(attack.TriggerEventId);
        var withheld = unsuppressed.Emitted.Alerts.Where(a => Matches(a, scope, value, unsuppressed)).Select(a => a.AlertId).ToHashSet();
        await using var host = await SurfaceHost.StartAsync();
        host.Surfaces.Feedback.Suppress(scope, value, Far, "dana", "known migration");

        var replay = await AttackReplay.RunAsync(host.Surfaces);

        Assert.Contains(attack.AlertId, withheld);
        Assert.DoesNotContain(replay.Emitted.Alerts, a => withheld.Contains(a.AlertId));
        Assert.Equal(unsuppressed.Emitted.Alerts.Count - withheld.Count, replay.Emitted.Alerts.Count);
        Assert.DoesNotContain(replay.Emitted.Signals, s => s.Data.AlertIds.All(withheld.Contains));
        Assert.Equal(withheld.Count, host.Surfaces.Suppressed.Alerts);
        Assert.DoesNotContain(host.Surfaces.ReadModel.Snapshot.Alerts, a => withheld.Contains(a.AlertId));
        Assert.Contains("agentdrift_alerts_suppressed_total{kind=", host.Surfaces.Exporter.Scrape());
    }

    [Fact]
    public void Suppressions_by_tool_and_kind_match_the_triggering_tool_and_the_alert_kind_until_they_expire_or_are_lifted()
    {
        var filter = new SuppressionFilter();
        var early = Completions.Alert("a-1", kind: "new_destination", tool: "export_data");
        var late = Completions.Alert("a-2", kind: "new_destination", tool: "export_data", detectedAt: Completions.At + TimeSpan.FromDays(2));
        var tool = new Suppression(1, SuppressionScope.Tool, "export_data", Completions.At.ToDateTimeOffset().AddDays(1), "dana", "r", DateTimeOffset.MinValue);
        var kind = new Suppression(2, SuppressionScope.Kind, "new_destination", Far, "dana", "r", DateTimeOffset.MinValue, LiftedAt: Far, LiftedBy: "eli");

        filter.Replace([tool, kind]);

        Assert.Equal(tool, filter.Match(early, destination: null));
        Assert.Null(filter.Match(late, destination: null));
        Assert.Null(filter.Match(Completions.Alert("a-3", tool: "read_ticket"), destination: null));
    }

    [Fact]
    public void Feedback_survives_a_restart_of_the_store_with_its_audit_fields()
    {
        using var dir = new TempDirectory();
        var alert = Completions.Alert("a-1");
        var at = new DateTimeOffset(2026, 2, 1, 9, 30, 0, TimeSpan.Zero);
        using (var store = new FeedbackStore(dir.File("feedback.db")))
        {
            store.AddVerdict(alert, Verdict.FalsePositive, "dana", "backup job", at);
            store.AddSuppression(SuppressionScope.Kind, "rate_spike", at.AddDays(7), "eli", "noisy during rollout", at);
            store.AddRelease("sig-a-1", "a-1", "dana", "backup job", at);
        }

        using var reopened = new FeedbackStore(dir.File("feedback.db"));
        var verdict = Assert.Single(reopened.Verdicts(10, Verdict.FalsePositive));
        Assert.Equal(("dana", "backup job", at, "a-1"), (verdict.Actor, verdict.Reason, verdict.At, verdict.AlertId));
        Assert.Contains("\"alert_id\":\"a-1\"", verdict.AlertJson);
        Assert.Equal(Verdict.FalsePositive, reopened.VerdictOf("a-1"));
        var suppression = Assert.Single(reopened.Suppressions());
        Assert.Equal((SuppressionScope.Kind, "rate_spike", at.AddDays(7), "eli"), (suppression.Scope, suppression.Value, suppression.ExpiresAt, suppression.Actor));
        Assert.Equal("dana", reopened.ReleaseOf("sig-a-1")!.Actor);
        Assert.NotNull(reopened.LiftSuppression(suppression.Id, "fay", at.AddDays(1)));
        Assert.Null(reopened.LiftSuppression(suppression.Id, "fay", at.AddDays(1)));
    }

    [Fact]
    public async Task Suppressing_and_lifting_over_the_api_is_audited_and_applies_at_once()
    {
        await using var host = await SurfaceHost.StartAsync();
        using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(host.Client, "api/suppressions",
            new { scope = "kind", value = "rare_transition", ttl_hours = 24, actor = "dana", reason = "model retraining pending" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.False(host.Surfaces.Filter.IsEmpty);
        var id = Assert.Single(host.Surfaces.Store.Suppressions()).Id;

        using var lifted = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(host.Client, $"api/suppressions/{id}/lift", new { actor = "eli" });
        using var again = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(host.Client, $"api/suppressions/{id}/lift", new { actor = "eli" });

        Assert.Equal(System.Net.HttpStatusCode.OK, lifted.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, again.StatusCode);
        Assert.True(host.Surfaces.Filter.IsEmpty);
        Assert.Equal("eli", host.Surfaces.Store.Suppressions()[0].LiftedBy);
    }

    private static bool Matches(Alert alert, SuppressionScope scope, string value, AttackReplay replay) => scope switch
    {
        SuppressionScope.Agent => alert.Agent.Value == value,
        _ => replay.Traffic.DestinationOf(alert.TriggerEventId) == value,
    };
}
