using Detector.Hosting.Worker;
using Detector.Kafka.Broker;
using Detector.Kafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Detector.Kafka.Tests.Demo;

[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class EmbeddedDemoTests
{
    [Fact]
    public async Task The_demo_streams_a_fleet_through_the_embedded_cluster_and_the_broker_acts_on_every_signal()
    {
        var fleet = await TestFleet.Instance;
        var serving = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var demo = new EmbeddedDemo(new WorkerSettings { Urls = "http://127.0.0.1:0" }, fleet.Data, NullLoggerFactory.Instance, TimeProvider.System)
        {
            Serving = addresses => serving.TrySetResult(new Uri(addresses[0])),
        };

        var running = demo.RunAsync(new DemoRequest(TimeSpan.FromSeconds(6), 1500), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = await serving.Task.WaitAsync(TimeSpan.FromSeconds(60)) };
        string page = await http.GetStringAsync("/");
        string metrics = await WhileRunning(running, http, "/metrics", m => m.Contains("agentdrift_alerts_total{", StringComparison.Ordinal));
        string alerts = await WhileRunning(running, http, "/api/alerts", a => a.Contains("\"alert_id\"", StringComparison.Ordinal));
        var summary = await running;

        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"(?m)^agentdrift_events_consumed_total [1-9]\d*$", metrics);
        Assert.Contains("agentdrift_model_info{role=\"active\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\"alert_id\"", alerts, StringComparison.Ordinal);

        Assert.True(summary.Produced > 0);
        Assert.Equal(summary.Produced, summary.Consumed);
        Assert.Equal(summary.Produced, summary.Worker.Records);
        Assert.True(summary.Worker.Signals > 0);
        Assert.Equal(summary.Worker.Signals, summary.Broker[BrokerVerdict.Acted]);
        Assert.Equal(summary.Worker.Signals, summary.WebhookCalls);
        Assert.Equal(summary.Worker.Signals, summary.Broker.Values.Sum());
        Assert.Equal(0, summary.LagAtEnd);
        Assert.True(summary.Checkpoints > 0);
    }

    /// <summary>Polls a surface of the running demo until its answer satisfies <paramref name="ready"/>; the last answer either way.</summary>
    private static async Task<string> WhileRunning(Task running, HttpClient http, string path, Func<string, bool> ready)
    {
        string body = "";
        while (!running.IsCompleted)
        {
            body = await http.GetStringAsync(path);
            if (ready(body))
                break;
            await Task.Delay(200);
        }
        return body;
    }
}
