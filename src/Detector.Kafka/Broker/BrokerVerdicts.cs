namespace Detector.Kafka.Broker;

/// <summary>Wire names of broker verdicts (dead-letter reasons, log fields).</summary>
public static class BrokerVerdicts
{
    public static string Code(this BrokerVerdict verdict) => verdict switch
    {
        BrokerVerdict.Acted => "acted",
        BrokerVerdict.Replayed => "replayed",
        BrokerVerdict.Malformed => "malformed",
        BrokerVerdict.Unsigned => "unsigned",
        BrokerVerdict.UnknownKey => "unknown_kid",
        BrokerVerdict.BadSignature => "bad_signature",
        BrokerVerdict.Expired => "expired",
        _ => "webhook_failed",
    };
}
