using System.Security.Cryptography;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Detector.Kafka.Tests.Support;
using Detector.Observability.Influx;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Detector.Kafka.Tests.Compose;

/// <summary>
/// compose/: validated with docker-compose (no engine runs here), its detector configuration loaded as
/// the worker would, and the services' names, ports, mounts and secrets checked to agree with the
/// Prometheus, Alertmanager and Grafana files they point at.
/// </summary>
public sealed class ComposeFileTests
{
    private static string ComposeDirectory => Repository.Path("compose");

    [Fact]
    public async Task Docker_compose_accepts_the_file_with_kafka_the_detector_the_broker_consumer_and_the_monitoring_services()
    {
        var stack = await ComposeStack.LoadAsync();

        Assert.Equal(["alertmanager", "broker", "detector", "grafana", "influxdb", "kafka", "kafka-init", "prometheus", "revocation", "soc-webhook"],
            stack.ServiceNames.Order());
    }

    [Theory]
    [InlineData("AGENTDRIFT_SIGNING_SECRET")]
    [InlineData("AGENTDRIFT_WEB_TOKEN")]
    [InlineData("AGENTDRIFT_INFLUX_TOKEN")]
    [InlineData("AGENTDRIFT_ADMIN_PASSWORD")]
    public async Task Without_one_of_its_secrets_docker_compose_refuses_to_start_and_names_it(string variable)
    {
        var variables = ComposeStack.Secrets.ToDictionary();
        variables[variable] = "";

        var (code, _, stderr) = await ComposeStack.ConfigAsync(variables);

        Assert.NotEqual(0, code);
        Assert.Contains(variable, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_configuration_is_valid_for_the_worker_and_the_broker_consumer()
    {
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var configuration = SettingsLoader.BuildConfiguration(Path.Combine(ComposeDirectory, "detector.json"), [$"Signing:Keys:compose-1:Secret={secret}"]);
        var settings = WorkerSettings.Bind(configuration);

        settings.ValidateForWorker();
        settings.ValidateForBroker();
        Assert.Equal("HS256", KeyRing.Load(settings.Signing).Active.Algorithm);
        Assert.Single(settings.Detector.Quarantine.MonitorOnly.Roles);
    }

    [Fact]
    public async Task The_detector_as_compose_runs_it_validates_requires_the_web_token_and_writes_to_the_influxdb_bucket_the_stack_creates()
    {
        var stack = await ComposeStack.LoadAsync();
        var configuration = DetectorConfiguration(stack);
        var web = new SurfaceOptions();
        configuration.GetSection("Web").Bind(web);
        var influx = stack.Environment("influxdb");

        WorkerSettings.Bind(configuration).ValidateForWorker();
        web.Validate();
        Assert.Equal(ComposeStack.Secrets["AGENTDRIFT_WEB_TOKEN"], web.Token);
        Assert.Equal(new Uri("http://influxdb:8086"), web.Influx.Url);
        Assert.Contains(8086, stack.TargetPorts("influxdb"));
        Assert.Equal(InfluxApi.V2, web.Influx.Api);
        Assert.Equal((influx["DOCKER_INFLUXDB_INIT_ORG"], influx["DOCKER_INFLUXDB_INIT_BUCKET"], influx["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"]),
            (web.Influx.Org, web.Influx.Bucket, web.Influx.Token));
        Assert.Equal(ComposeStack.Secrets["AGENTDRIFT_INFLUX_TOKEN"], web.Influx.Token);
        // The feedback database outlives the container.
        Assert.Contains(stack.Volumes("detector"), v => v.Target == Path.GetDirectoryName(web.FeedbackDatabase) && !v.Source.StartsWith('/'));
    }

    [Fact]
    public async Task Prometheus_scrapes_the_detector_where_it_listens_with_the_token_it_requires_and_alerts_through_the_alertmanager_service()
    {
        var stack = await ComposeStack.LoadAsync();
        var prometheus = Yaml(Path.Combine(ComposeDirectory, "prometheus", "prometheus.yml"));
        var job = (YamlMappingNode)((YamlSequenceNode)prometheus["scrape_configs"]).Single();
        string tokenFile = Scalar(job, "authorization", "credentials_file");
        var detectorTargets = Targets(job);
        var alertmanagerTargets = Targets((YamlMappingNode)((YamlSequenceNode)Map(prometheus, "alerting")["alertmanagers"]).Single());
        string urls = stack.Command("detector").SkipWhile(a => a != "--urls").ElementAt(1);
        string script = string.Join('\n', stack.Command("prometheus"));

        Assert.Equal("Bearer", Scalar(job, "authorization", "type"));
        Assert.Equal(["detector:8080"], detectorTargets);
        Assert.Equal("http://0.0.0.0:8080", urls);
        Assert.Contains(8080, stack.TargetPorts("detector"));
        Assert.Equal(stack.Environment("detector")["DETECTOR__Web__Token"], stack.Environment("prometheus")["AGENTDRIFT_WEB_TOKEN"]);
        Assert.Contains($"> {tokenFile}", script, StringComparison.Ordinal);
        Assert.Contains("\"$$AGENTDRIFT_WEB_TOKEN\"", script, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(tokenFile), stack.Tmpfs("prometheus"));
        Assert.Contains("--config.file=" + stack.MountOf("prometheus", "prometheus") + "/prometheus.yml", script, StringComparison.Ordinal);
        Assert.Equal(["alertmanager:9093"], alertmanagerTargets);
        Assert.Contains(9093, stack.TargetPorts("alertmanager"));
        Assert.Contains("--config.file=" + stack.MountOf("alertmanager", "alertmanager/alertmanager.yml"), stack.Command("alertmanager"));
    }

    [Fact]
    public async Task Alertmanager_notifies_a_receiver_the_stack_runs_on_the_port_it_listens_on()
    {
        var stack = await ComposeStack.LoadAsync();
        var receivers = (YamlSequenceNode)Yaml(Path.Combine(ComposeDirectory, "alertmanager", "alertmanager.yml"))["receivers"];
        var urls = receivers.Cast<YamlMappingNode>()
            .SelectMany(r => ((YamlSequenceNode)r["webhook_configs"]).Cast<YamlMappingNode>())
            .Select(w => new Uri(((YamlScalarNode)w["url"]).Value!))
            .ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.True(stack.Has(u.Host), $"{u} names no compose service"));
        Assert.All(urls, u => Assert.Equal(stack.Environment(u.Host)["HTTP_PORT"], u.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Grafana_is_provisioned_from_the_compose_folder_and_its_data_sources_reach_prometheus_and_the_influxdb_bucket_with_its_token()
    {
        var stack = await ComposeStack.LoadAsync();
        string provisioning = stack.MountOf("grafana", "grafana/provisioning");
        string dashboards = stack.MountOf("grafana", "grafana/dashboards");
        var provider = (YamlMappingNode)((YamlSequenceNode)Yaml(Path.Combine(ComposeDirectory, "grafana", "provisioning", "dashboards", "dashboards.yml"))["providers"]).Single();
        var sources = ((YamlSequenceNode)Yaml(Path.Combine(ComposeDirectory, "grafana", "provisioning", "datasources", "datasources.yml"))["datasources"])
            .Cast<YamlMappingNode>()
            .ToDictionary(d => Scalar(d, "type"));
        var prometheusUrl = new Uri(Scalar(sources["prometheus"], "url"));
        var influxUrl = new Uri(Scalar(sources["influxdb"], "url"));
        var grafana = stack.Environment("grafana");

        Assert.Equal("/etc/grafana/provisioning", provisioning);
        Assert.Equal(dashboards, Scalar(provider, "options", "path"));
        Assert.Equal(("prometheus", 9090), (prometheusUrl.Host, prometheusUrl.Port));
        Assert.Contains(9090, stack.TargetPorts("prometheus"));
        Assert.Equal(("influxdb", 8086), (influxUrl.Host, influxUrl.Port));
        // InfluxQL reaches the bucket through InfluxDB's virtual DBRP mapping: database name = bucket name.
        Assert.Equal(stack.Environment("influxdb")["DOCKER_INFLUXDB_INIT_BUCKET"], Scalar(sources["influxdb"], "jsonData", "dbName"));
        Assert.Equal("Authorization", Scalar(sources["influxdb"], "jsonData", "httpHeaderName1"));
        Assert.Equal("Token $AGENTDRIFT_INFLUX_TOKEN", Scalar(sources["influxdb"], "secureJsonData", "httpHeaderValue1"));
        Assert.Equal(stack.Environment("influxdb")["DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], grafana["AGENTDRIFT_INFLUX_TOKEN"]);
        Assert.Equal(ComposeStack.Secrets["AGENTDRIFT_ADMIN_PASSWORD"], grafana["GF_SECURITY_ADMIN_PASSWORD"]);
    }

    /// <summary>detector.json with the detector service's DETECTOR__ environment on top, as the worker's settings loader layers them.</summary>
    private static IConfigurationRoot DetectorConfiguration(ComposeStack stack)
    {
        string config = stack.Command("detector").SkipWhile(a => a != "--config").ElementAt(1);
        Assert.Equal(config, stack.MountOf("detector", "detector.json"));
        var overrides = stack.Environment("detector")
            .Where(kv => kv.Key.StartsWith(SettingsLoader.EnvironmentPrefix, StringComparison.Ordinal))
            .Select(kv => kv.Key[SettingsLoader.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal) + "=" + kv.Value);
        return SettingsLoader.BuildConfiguration(Path.Combine(ComposeDirectory, "detector.json"), overrides);
    }

    private static YamlMappingNode Yaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, params string[] path) =>
        ((YamlScalarNode)path[..^1].Aggregate(node, Map)[path[^1]]).Value!;

    private static IReadOnlyList<string> Targets(YamlMappingNode job) =>
        ((YamlSequenceNode)((YamlSequenceNode)job["static_configs"]).Cast<YamlMappingNode>().Single()["targets"]).Cast<YamlScalarNode>().Select(t => t.Value!).ToList();
}
