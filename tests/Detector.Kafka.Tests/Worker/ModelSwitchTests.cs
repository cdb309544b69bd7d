using System.Text.Json;
using Detector.Kafka.Models;
using Detector.Kafka.Tests.Support;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Detector.Pipeline.Summary;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Detector.Kafka.Tests.Worker;

/// <summary>A candidate model in shadow beside the active one, then switched to while records keep flowing.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class ModelSwitchTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ILoggerFactory _loggers = TestOutputLogger.Factory(output, out _);

    [Fact]
    public async Task A_candidate_in_shadow_emits_nothing_then_takes_over_between_two_records_with_none_lost_or_scored_twice()
    {
        var (fleet, cluster, settings, _) = await WorkerOnMockClusterTests.SetUpAsync();
        using var _ = cluster;
        var kafka = settings.Kafka;
        var candidate = fleet.Model with { Version = fleet.Model.Version + "-candidate" };
        using var dir = new TempDirectory("agentdrift-candidate");
        ModelStore.Save(candidate, dir.Path);
        int third = fleet.Lines.Count / 3;
        var summary = new RunSummary();

        await using (var run = await WorkerRun.StartAsync(settings, fleet, new SummarySink(summary), _loggers))
        {
            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Take(third));
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, Timeout));
            // Through the models topic, as an analyst's request to any worker of the group goes.
            await run.Worker.PublishModelAsync(ModelRole.Shadow, dir.Path, "data-scientist", CancellationToken.None);
            Assert.True(await EventuallyAsync(() => run.Worker.Shadow is not null));

            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Skip(third).Take(third));
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, Timeout));
            var shadow = run.Worker.Shadow!;
            Assert.Equal((fleet.Model.Version, candidate.Version), (shadow.ActiveVersion, shadow.ShadowVersion));
            Assert.InRange(shadow.Events, 1, third);
            Assert.True(shadow.ShadowAlerts > 0);
            Assert.True(shadow.SessionsBoth > 0);
            Assert.All(shadow.RecentShadowAlerts, a => Assert.Equal(candidate.Version, a.ModelVersion));

            await run.Worker.PublishModelAsync(ModelRole.Active, dir.Path, "data-scientist", CancellationToken.None);
            await run.Worker.PublishModelAsync(ModelRole.Shadow, null, "data-scientist", CancellationToken.None);
            Assert.True(await EventuallyAsync(() => run.Worker.ActiveModelVersion == candidate.Version && run.Worker.Shadow is null));
            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Skip(2 * third));
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, Timeout));
        }

        Assert.Equal(fleet.Lines.Count, summary.Records);
        var alerts = Topics.ReadAll(kafka, kafka.Topics.Alerts, 1).Select(r => JsonDocument.Parse(r.Value).RootElement).ToList();
        Assert.Equal(alerts.Count, alerts.Select(a => a.GetProperty("alert_id").GetString()).Distinct().Count());
        // Alerts of records scored before the switch carry the model that was active then; the shadow emitted none.
        var byPart = alerts.GroupBy(a => fleet.LineOf[a.GetProperty("event_ids").EnumerateArray().Last().GetString()!] < 2 * third);
        foreach (var part in byPart)
            Assert.All(part, a => Assert.Equal(part.Key ? fleet.Model.Version : candidate.Version, a.GetProperty("model_version").GetString()));
        Assert.Equal(2, byPart.Count());

        // A restarted worker comes back on the model last activated, without a shadow.
        await using (var restarted = await WorkerRun.StartAsync(settings, fleet, loggers: _loggers))
        {
            Assert.Equal(candidate.Version, restarted.Worker.ActiveModelVersion);
            Assert.Null(restarted.Worker.Shadow);
        }
    }

    [Fact]
    public async Task A_directory_without_a_readable_model_is_refused_before_anything_is_published()
    {
        var (fleet, cluster, settings, _) = await WorkerOnMockClusterTests.SetUpAsync();
        using var _ = cluster;
        using var empty = new TempDirectory("agentdrift-no-model");

        await using (var run = await WorkerRun.StartAsync(settings, fleet, loggers: _loggers))
        {
            var refused = await Assert.ThrowsAsync<ModelFormatException>(() => run.Worker.PublishModelAsync(ModelRole.Active, empty.Path, "dana", CancellationToken.None));
            Assert.Contains("model.json is missing", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => run.Worker.PromoteShadowAsync("dana", CancellationToken.None));
            Assert.Equal(fleet.Model.Version, run.Worker.ActiveModelVersion);
        }

        Assert.Empty(Topics.ReadAll(settings.Kafka, settings.Kafka.Topics.Models, 1));
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < Timeout)
            await Task.Delay(50);
        return condition();
    }
}
