using System.Buffers;
using System.Diagnostics;
using Confluent.Kafka;
using Detector.Domain.Time;

namespace Detector.Hosting.Worker;

/// <summary>
/// Produces a recorded fleet's events into the input topic, keyed by agent id, looping over the
/// recording (a new pass per loop) for the whole duration. Each event is stamped with the wall clock
/// (live traffic: what the demo needs, so signals expire in the broker's future), or with
/// <see cref="RecordedTime"/> with its own recorded time, each pass one recording span later, so event
/// time runs at the recording's pace and sessions end as they did (what the benchmark needs: the state
/// a real fleet keeps). Offered at a fixed rate (paced against a stopwatch), or with rate zero as fast
/// as the consumer side keeps up: then it stays at most <see cref="MaxAhead"/> records ahead of
/// <see cref="Processed"/>, so the backlog never outgrows what the mock cluster retains. Runs on a
/// thread of its own.
/// </summary>
public sealed class FleetProducer(IProducer<byte[]?, byte[]> producer, string topic, IReadOnlyList<TimedEventTemplate> events, double rate, TimeProvider clock)
{
    private long _produced;

    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Records fully processed downstream; with rate zero, production waits on it.</summary>
    public Func<long>? Processed { get; init; }

    public long MaxAhead { get; init; } = 200_000;

    /// <summary>Stamp events with their recorded time (shifted one span per pass) instead of the wall clock.</summary>
    public bool RecordedTime { get; init; }

    /// <summary>Produces for <paramref name="duration"/>, then waits for every acknowledgement.</summary>
    public Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
            throw new InvalidOperationException("the recording has no events");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Produce(duration, cancellationToken);
                producer.Flush(cancellationToken);
                done.SetResult();
            }
            catch (OperationCanceledException)
            {
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "agentdrift-fleet-producer",
        };
        thread.Start();
        return done.Task;
    }

    private void Produce(TimeSpan duration, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        var span = events[^1].Time - events[0].Time + TimeSpan.FromMinutes(1);
        var watch = Stopwatch.StartNew();
        for (long i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var elapsed = watch.Elapsed;
            if (elapsed >= duration)
                return;
            if (rate > 0)
            {
                // Pace: event i is due at i / rate seconds. Sleeping at least a millisecond (events due
                // within it go out together) keeps the pacer from spinning a core the worker needs: a
                // sub-millisecond Thread.Sleep rounds to a yield.
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > elapsed)
                    Thread.Sleep(Math.Max(1, (int)Math.Ceiling((due - elapsed).TotalMilliseconds)));
            }
            else if (Processed is { } processed)
            {
                while (i - processed() > MaxAhead && !cancellationToken.IsCancellationRequested)
                    Thread.Sleep(1);
            }
            var e = events[(int)(i % events.Count)];
            int pass = (int)(i / events.Count);
            var time = RecordedTime ? e.Time + span * pass : EventTime.FromDateTimeOffset(clock.GetUtcNow());
            var message = new Message<byte[]?, byte[]> { Key = e.Key, Value = e.Render(time, pass, buffer) };
            while (true)
            {
                try
                {
                    producer.Produce(topic, message);
                    break;
                }
                catch (ProduceException<byte[]?, byte[]> x) when (x.Error.Code == ErrorCode.Local_QueueFull)
                {
                    Thread.Sleep(1);
                }
            }
            Interlocked.Increment(ref _produced);
        }
    }
}
