using System.Diagnostics.Metrics;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Observability.Prometheus;
using Detector.Pipeline.Metrics;
using Detector.Scoring.Engine;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Web.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public async Task Exposition_passes_promtool_and_carries_exactly_the_counts_the_pipeline_caused()
    {
        using var metrics = new DetectorMetrics();
        using var exporter = new PrometheusExporter(metrics.Meter);
        var sink = new MetricsSink(metrics);
        var critical = Completions.Alert("a-1", "rare_transition", Severity.Critical);
        await sink.WriteAsync(Completions.WithSignal(critical, QuarantineAction.QuarantineAgent), default);
        await sink.WriteAsync(Completions.Applied(Completions.Alert("a-2", "new_destination", Severity.Medium), Completions.Alert("a-3", "new_destination", Severity.Medium)), default);
        await sink.WriteAsync(Completions.Applied(), default);
        await sink.WriteAsync(Completions.Rejected(RejectReason.NotJson), default);
        await sink.WriteAsync(Completions.Rejected(RejectReason.NotJson), default);
        await sink.WriteAsync(Completions.Rejected(RejectReason.Duplicate), default);
        var shard = new FakeShard();
        var timed = metrics.Timed(shard);
        for (int i = 0; i < 3; i++)
            timed.Process(new ToolEvent(), Completions.At, new ScoreResult());
        using var lag = metrics.ObserveConsumerLag(() => [new PartitionLag("agent.tool-invocations", 0, 7), new PartitionLag("agent.tool-invocations", 1, 42)]);
        using var depth = metrics.ObserveQueueDepth("shard-0", () => 12);
        using var agents0 = metrics.ObserveAgentsTracked(() => 30);
        using var agents1 = metrics.ObserveAgentsTracked(() => 12);
        using var bytes = metrics.ObserveStateBytes(() => 1_048_576);
        using var breaker = metrics.ObserveCircuitBreaker("signals", () => CircuitState.Open);
        metrics.SetModelVersion("active", "m-2026-01-05");

        string text = exporter.Scrape();

        await Promtool.AssertValidAsync(text);
        string[] expected =
        [
            "agentdrift_events_consumed_total 6",
            "agentdrift_events_rejected_total{reason=\"duplicate\"} 1",
            "agentdrift_events_rejected_total{reason=\"not_json\"} 2",
            "agentdrift_alerts_total{kind=\"new_destination\",severity=\"medium\"} 2",
            "agentdrift_alerts_total{kind=\"rare_transition\",severity=\"critical\"} 1",
            "agentdrift_signals_total{action=\"quarantine_agent\"} 1",
            "agentdrift_consumer_lag{partition=\"0\",topic=\"agent.tool-invocations\"} 7",
            "agentdrift_consumer_lag{partition=\"1\",topic=\"agent.tool-invocations\"} 42",
            "agentdrift_pipeline_queue_depth{stage=\"shard-0\"} 12",
            "agentdrift_agents_tracked 42",
            "agentdrift_state_bytes 1048576",
            "agentdrift_circuit_breaker_state{breaker=\"signals\"} 2",
            "agentdrift_model_info{role=\"active\",version=\"m-2026-01-05\"} 1",
            "agentdrift_scoring_latency_seconds_bucket{le=\"+Inf\"} 3",
            "agentdrift_scoring_latency_seconds_count 3",
            "# TYPE agentdrift_scoring_latency_seconds histogram",
            "# TYPE agentdrift_alerts_total counter",
            "# TYPE agentdrift_consumer_lag gauge",
        ];
        var lines = text.Split('\n');
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.Equal(3, shard.Processed);
    }

    [Fact]
    public void Two_scrapes_of_the_same_state_are_identical_and_sorted_by_metric_name()
    {
        using var metrics = new DetectorMetrics();
        using var exporter = new PrometheusExporter(metrics.Meter);
        metrics.CountSuppressed(Completions.Alert("a"));
        metrics.CountPointsDropped("buffer_full", 3);

        string first = exporter.Scrape(), second = exporter.Scrape();

        Assert.Equal(first, second);
        var names = first.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Label_values_with_quotes_backslashes_and_line_feeds_are_escaped()
    {
        using var meter = new Meter("escaping-test");
        using var exporter = new PrometheusExporter(meter);
        var counter = meter.CreateCounter<long>("weird.values", description: "Help with a back\\slash\nand a line feed.");
        counter.Add(1, new KeyValuePair<string, object?>("value", "say \"hi\"\\now\nplease"));

        string text = exporter.Scrape();

        await Promtool.AssertValidAsync(text);
        Assert.Contains("weird_values_total{value=\"say \\\"hi\\\"\\\\now\\nplease\"} 1\n", text);
        Assert.Contains("# HELP weird_values_total Help with a back\\\\slash\\nand a line feed.\n", text);
    }

    [Fact]
    public void A_gauge_whose_reader_was_disposed_is_no_longer_exported()
    {
        using var metrics = new DetectorMetrics();
        using var exporter = new PrometheusExporter(metrics.Meter);
        var kept = metrics.ObserveQueueDepth("parse", () => 1);
        var revoked = metrics.ObserveQueueDepth("shard-1", () => 5);
        Assert.Contains("stage=\"shard-1\"", exporter.Scrape());

        revoked.Dispose();

        string text = exporter.Scrape();
        Assert.DoesNotContain("stage=\"shard-1\"", text);
        Assert.Contains("agentdrift_pipeline_queue_depth{stage=\"parse\"} 1", text);
        kept.Dispose();
    }

    [Fact]
    public void Measurements_of_another_meter_with_the_same_name_are_not_exported()
    {
        using var mine = new DetectorMetrics();
        using var other = new DetectorMetrics();
        using var exporter = new PrometheusExporter(mine.Meter);
        other.CountPointsWritten(5);

        Assert.DoesNotContain("agentdrift_influx_points_written_total", exporter.Scrape());
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_the_infinite_bucket_equals_the_count()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<double[]>(generated =>
        {
            var values = generated.Where(double.IsFinite).ToArray();
            using var meter = new Meter("histogram-property");
            using var exporter = new PrometheusExporter(meter);
            var histogram = meter.CreateHistogram<double>("h", "s", "values", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [-1, 0, 1, 10] });
            foreach (double v in values)
                histogram.Record(v);

            var buckets = exporter.Scrape().Split('\n').Where(l => l.StartsWith("h_seconds_bucket", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            bool cumulative = buckets.Zip(buckets.Skip(1)).All(p => p.First <= p.Second);
            bool exact = buckets.Count == 0 ? values.Length == 0 : buckets[^1] == values.Length && buckets[1] == values.Count(v => v <= 0);
            return cumulative && exact;
        }));
    }
}
