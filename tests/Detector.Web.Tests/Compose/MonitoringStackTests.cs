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
using YamlDotNet.RepresentationModel;

namespace Detector.Web.Tests.Compose;

/// <summary>The monitoring files of the compose stack, checked by the real promtool and amtool; Grafana cannot run here, so its JSON is checked against what the detector exports and the data sources provisioned.</summary>
public sealed partial class MonitoringStackTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "compose");

    /// <summary>Where prometheus.yml reads the detector's bearer token; the compose file writes it there.</summary>
    private const string TokenFile = "/run/agentdrift/web-token";

    [Fact]
    public async Task The_prometheus_config_its_rules_and_its_scrape_token_file_pass_promtool_check_config()
    {
        // promtool also checks that the token file exists: the folder is checked as a copy whose only
        // change is that path, pointed at a token file of the copy's own.
        using var dir = new TempDirectory();
        foreach (string file in Directory.GetFiles(Path.Combine(Folder, "prometheus")))
            File.Copy(file, dir.File(Path.GetFileName(file)));
        string config = File.ReadAllText(dir.File("prometheus.yml"));
        Assert.Equal(1, Regex.Count(config, "credentials_file: " + Regex.Escape(TokenFile) + "\n"));
        File.WriteAllText(dir.File("prometheus.yml"), config.Replace(TokenFile, dir.File("web-token"), StringComparison.Ordinal));
        File.WriteAllText(dir.File("web-token"), "a-token-of-sixteen-characters");

        var (code, output) = await ToolRun.RunAsync(Promtool.Path, ["check", "config", dir.File("prometheus.yml")]);

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
        Assert.Contains("1 rule files found", output);
    }

    [Fact]
    public async Task The_alert_rules_pass_promtool_check_rules()
    {
        var (code, output) = await ToolRun.RunAsync(Promtool.Path, ["check", "rules", Path.Combine(Folder, "prometheus", "rules.yml")]);
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
    }

    [Fact]
    public void The_grafana_dashboard_is_valid_json_and_every_panel_and_query_names_a_provisioned_data_source_by_uid_and_type()
    {
        var provisioned = ((YamlSequenceNode)Yaml(Path.Combine(Folder, "grafana", "provisioning", "datasources", "datasources.yml"))["datasources"])
            .Cast<YamlMappingNode>()
            .ToDictionary(d => ((YamlScalarNode)d["uid"]).Value!, d => ((YamlScalarNode)d["type"]).Value!);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana", "dashboards", "agentdrift.json")));
        var root = dashboard.RootElement;
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        var references = panels.Select(p => p.GetProperty("datasource"))
            .Concat(panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("datasource")))
            .Select(d => (Uid: d.GetProperty("uid").GetString()!, Type: d.GetProperty("type").GetString()!))
            .ToList();

        Assert.False(string.IsNullOrEmpty(root.GetProperty("uid").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p => Assert.InRange(p.GetProperty("gridPos").GetProperty("x").GetInt32() + p.GetProperty("gridPos").GetProperty("w").GetInt32(), 1, 24));
        Assert.Equal(["influxdb", "prometheus"], provisioned.Keys.Order());
        Assert.All(references, r => Assert.Equal(provisioned.GetValueOrDefault(r.Uid), r.Type));
        Assert.Equal(provisioned.Keys.Order(), references.Select(r => r.Uid).Distinct().Order());
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

    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"agentdrift_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
