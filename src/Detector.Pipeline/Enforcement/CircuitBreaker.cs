using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// Counts revocations and quarantines in a sliding minute; one more than the limit opens the breaker
/// for <see cref="CircuitBreakerOptions.OpenFor"/>, during which every signal is withheld. Shared by
/// all shards of a process (a lock: it is consulted only when a signal is about to go out).
/// </summary>
public sealed class CircuitBreaker(CircuitBreakerOptions options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Queue<EventTime> _recent = new();
    private EventTime _openUntil = EventTime.MinValue;

    /// <summary>Times the breaker has opened.</summary>
    public long Openings { get; private set; }

    public bool IsOpen(EventTime now)
    {
        lock (_lock)
            return now < _openUntil;
    }

    /// <summary>Whether a signal of <paramref name="action"/> may go out at <paramref name="now"/>; <paramref name="opened"/> is true for the one call that opened the breaker.</summary>
    public bool TryPass(QuarantineAction action, EventTime now, out bool opened)
    {
        opened = false;
        if (options.MaxQuarantinesPerMinute == 0)
            return true;
        lock (_lock)
        {
            if (now < _openUntil)
                return false;
            if (action < QuarantineAction.RevokeCredentials)
                return true;
            while (_recent.Count > 0 && now - _recent.Peek() >= Window)
                _recent.Dequeue();
            if (_recent.Count >= options.MaxQuarantinesPerMinute)
            {
                _recent.Clear();
                _openUntil = now + options.OpenFor;
                Openings++;
                opened = true;
                return false;
            }
            _recent.Enqueue(now);
            return true;
        }
    }
}
