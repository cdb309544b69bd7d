namespace Detector.Kafka.Broker;

/// <summary>How a webhook delivery ended: delivered, or the last failure and the attempts spent.</summary>
public readonly record struct WebhookResult(bool Delivered, int Attempts, string Failure);
