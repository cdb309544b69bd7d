using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Detector.Kafka.Tests.Support;

/// <summary>Routes the worker's logs into the test's output (shown when the test fails).</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output, LogLevel minimum = LogLevel.Information) : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public static ILoggerFactory Factory(ITestOutputHelper output, out TestOutputLogger logger, LogLevel minimum = LogLevel.Information)
    {
        var provider = new TestOutputLogger(output, minimum);
        logger = provider;
        return LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(minimum));
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        string line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}";
        _lines.Enqueue(line);
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }

    public void Dispose()
    {
    }
}
