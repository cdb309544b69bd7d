namespace Detector.Kafka.Processing;

/// <summary>
/// A change of model (switch, shadow start or stop) that every scoring thread applies to the partitions
/// it owns when the change reaches it in its queue: after every record queued before, before every
/// record queued after, so no record is skipped or scored twice. <see cref="Done"/> completes when all
/// threads have applied it.
/// </summary>
internal sealed class ModelChange(string description, Action<PartitionRuntime> apply, Action prepare)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    public string Description { get; } = description;

    public Task Done => _done.Task;

    /// <summary>Consumer thread, before the change is queued: partitions assigned from now on are created under the change.</summary>
    public void Prepare(int lanes)
    {
        _pending = lanes;
        prepare();
        if (lanes == 0)
            _done.TrySetResult();
    }

    /// <summary>Scoring thread: applies the change to its partitions.</summary>
    public void Apply(IEnumerable<PartitionRuntime> owned)
    {
        foreach (var runtime in owned)
            apply(runtime);
        if (Interlocked.Decrement(ref _pending) == 0)
            _done.TrySetResult();
    }

    /// <summary>Preparing the change failed: nothing was changed.</summary>
    public void Fail(Exception error) => _done.TrySetException(error);

    /// <summary>The worker stopped before every thread applied the change.</summary>
    public void Abandon() => _done.TrySetCanceled();
}
