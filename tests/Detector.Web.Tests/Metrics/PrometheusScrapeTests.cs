using System.Globalization;
using System.Text.Json;
using Detector.Domain.Ingest;
using Detector.Pipeline.Metrics;
using Detector.TestSupport;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Metrics;

public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task A_real_prometheus_scrapes_the_metrics_endpoint_and_answers_a_promql_query_with_the_counted_value()
    {
        string prometheus = RepositoryRoot.RequireTool("/usr/bin/prometheus", "apt package prometheus");
        await using var host = await SurfaceHost.StartAsync();
        var sink = new MetricsSink(host.Surfaces.Metrics);
        for (int i = 0; i < 4; i++)
            await sink.WriteAsync(Completions.Rejected(RejectReason.InvalidTime), default);

        using var dir = new TempDirectory("agentdrift-prometheus");
        int port = LoopbackPort.Next();
        File.WriteAllText(dir.File("prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: agentdrift
                static_configs:
                  - targets: ["127.0.0.1:{host.Port}"]
            """);
        await using (var server = ExternalService.Start(prometheus,
            ["--config.file=" + dir.File("prometheus.yml"), "--storage.tsdb.path=" + dir.File("data"), "--web.listen-address=127.0.0.1:" + port], dir.Path))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            string query = "api/v1/query?query=" + Uri.EscapeDataString("sum(agentdrift_events_rejected_total{reason=\"invalid_time\",job=\"agentdrift\"})");
            double? answer = null;
            await server.WaitUntilAsync(async () =>
            {
                using var doc = JsonDocument.Parse(await client.GetStringAsync(query));
                var result = doc.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() == 0)
                    return false;
                answer = double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
                return true;
            }, TimeSpan.FromSeconds(30));
            Assert.Equal(4, answer);
        }
        Assert.True(LoopbackPort.IsFree(port), "prometheus still holds its port");
    }
}
