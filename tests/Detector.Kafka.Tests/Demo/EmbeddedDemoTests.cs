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
        var demo = new EmbeddedDemo(new WorkerSettings(), fleet.Data, NullLoggerFactory.Instance, TimeProvider.System);

        var summary = await demo.RunAsync(new DemoRequest(TimeSpan.FromSeconds(4), 1500), CancellationToken.None);

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
}
