using Confluent.Kafka;

namespace Detector.Kafka.Outputs;

/// <summary>
/// Produce with back-pressure: when librdkafka's local queue is full the caller waits for deliveries
/// to drain it instead of failing, so a slow or absent broker slows the pipeline down (and the
/// consumer pauses) rather than dropping outputs.
/// </summary>
internal static class OutputProducer
{
    public static void Produce<TKey>(IProducer<TKey, byte[]> producer, TopicPartition destination, Message<TKey, byte[]> message, Action<DeliveryReport<TKey, byte[]>> delivered)
    {
        while (true)
        {
            try
            {
                producer.Produce(destination, message, delivered);
                return;
            }
            catch (ProduceException<TKey, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                Thread.Sleep(1);
            }
        }
    }

    public static void Produce<TKey>(IProducer<TKey, byte[]> producer, string topic, Message<TKey, byte[]> message, Action<DeliveryReport<TKey, byte[]>> delivered) =>
        Produce(producer, new TopicPartition(topic, Partition.Any), message, delivered);
}
