using System.Text.Json;
using System.Text.RegularExpressions;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Observability.Prometheus;
using Detector.Pipeline.Metrics;
using Detector.Scoring.Engine;
using Detector.TestSupport;
using Detector.Web.Tests.Metrics;
using Xunit;

namespace Detector.Web.Tests.Compose;

/// <summary>The monitoring files of the compose stack, checked by the real promtool and amtool; Grafana cannot run here, so its JSON is checked against what the detector exports.</summary>
public sealed partial class MonitoringStackTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "compose");

    [Fact]
    public async Task The_prometheus_config_and_its_rules_pass_promtool_check_config()
    {
        var (code, output) = await ToolRun.RunAsync(Promtool.Path, ["check", "config", Path.Combine(Folder, "prometheus", "prometheus.yml")]);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task The_alert_rules_fire_on_the_series_the_detector_exports_under_promtool_test_rules()
    {
        var (code, output) = await ToolRun.RunAsync(Promtool.Path, ["test", "rules", Path.Combine(Folder, "prometheus", "rules.test.yml")]);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task The_alertmanager_config_passes_amtool_check_config()
    {
        string amtool = RepositoryRoot.RequireTool("/usr/bin/amtool", "apt package prometheus-alertmanager");
        var (code, output) = await ToolRun.RunAsync(amtool, ["check-config", Path.Combine(Folder, "alertmanager", "alertmanager.yml")]);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Every_metric_the_rules_and_the_grafana_dashboard_query_is_one_the_detector_exports()
    {
        var exported = await ExportedNamesAsync();
        string rules = File.ReadAllText(Path.Combine(Folder, "prometheus", "rules.yml"));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana", "dashboards", "agentdrift.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        var exprs = panels.SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Where(t => t.TryGetProperty("expr", out _)).Select(t => t.GetProperty("expr").GetString()!).ToList();

        var queried = MetricName().Matches(rules + "\n" + string.Join('\n', exprs)).Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(exprs);
        Assert.Empty(queried.Except(exported));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        string datasources = File.ReadAllText(Path.Combine(Folder, "grafana", "provisioning", "datasources", "datasources.yml"));
        Assert.All(panels, p => Assert.Contains("uid: " + p.GetProperty("datasource").GetProperty("uid").GetString(), datasources));
    }

    /// <summary>Every series name the exporter writes once each instrument has a value (histograms with their suffixes).</summary>
    private static async Task<HashSet<string>> ExportedNamesAsync()
    {
        using var metrics = new DetectorMetrics();
        using var exporter = new PrometheusExporter(metrics.Meter);
        var sink = new MetricsSink(metrics);
        var alert = Completions.Alert("a-1");
        await sink.WriteAsync(Completions.WithSignal(alert, QuarantineAction.QuarantineAgent), default);
        await sink.WriteAsync(Completions.Rejected(RejectReason.NotJson), default);
        metrics.Timed(new FakeShard()).Process(new ToolEvent(), Completions.At, new ScoreResult());
        metrics.CountSuppressed(alert);
        metrics.CountSuppressed(Completions.Signal(alert, QuarantineAction.StepUp));
        metrics.CountReadModelDropped();
        metrics.CountPointsWritten(1);
        metrics.CountPointsDropped("buffer_full", 1);
        metrics.SetModelVersion("active", "m");
        using var lag = metrics.ObserveConsumerLag(() => [new PartitionLag("t", 0, 1)]);
        using var depth = metrics.ObserveQueueDepth("parse", () => 1);
        using var agents = metrics.ObserveAgentsTracked(() => 1);
        using var bytes = metrics.ObserveStateBytes(() => 1);
        using var breaker = metrics.ObserveCircuitBreaker("b", () => CircuitState.Closed);

        string text = exporter.Scrape();
        await Promtool.AssertValidAsync(text);
        return text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => MetricName().Match(l).Value).ToHashSet();
    }

    [GeneratedRegex(@"agentdrift_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
