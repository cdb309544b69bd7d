namespace Detector.Kafka.Broker;

/// <summary>What the broker consumer did with a signal. Values are counted and logged: never renumber.</summary>
public enum BrokerVerdict : byte
{
    /// <summary>Verified and delivered to the revocation webhook.</summary>
    Acted = 0,
    /// <summary>Already acted on (same source and id): a redelivery or a replay; not acted on again.</summary>
    Replayed = 1,
    /// <summary>Not a quarantine signal this broker understands.</summary>
    Malformed = 2,
    /// <summary>Signing is required and the signal carries no signature.</summary>
    Unsigned = 3,
    /// <summary>The signature's kid names no configured key.</summary>
    UnknownKey = 4,
    /// <summary>The signature does not match.</summary>
    BadSignature = 5,
    /// <summary>Its expires_at has passed.</summary>
    Expired = 6,
    /// <summary>The webhook refused it or stayed unreachable through every attempt.</summary>
    WebhookFailed = 7,
}
