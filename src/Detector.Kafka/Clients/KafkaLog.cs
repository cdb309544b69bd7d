using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Clients;

/// <summary>Routes librdkafka's log and error callbacks into structured logs.</summary>
public static class KafkaLog
{
    public static void Write(ILogger logger, LogMessage message) =>
        logger.Log(LevelOf(message.Level), "librdkafka {Client} {Facility}: {Message}", message.Name, message.Facility, message.Message);

    public static void Write(ILogger logger, string client, Error error) =>
        logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning, "kafka {Client} error {Code}: {Reason}", client, error.Code, error.Reason);

    private static LogLevel LevelOf(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
