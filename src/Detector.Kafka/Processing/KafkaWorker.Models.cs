using System.Collections.Concurrent;
using Confluent.Kafka;
using Detector.Kafka.Models;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Shadow;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Processing;

/// <summary>
/// Switching models while running. A change is queued to the consumer thread, which prepares it (new
/// partitions are created under it from then on) and puts it in every scoring thread's queue, so each
/// partition changes between two records: nothing is skipped or scored twice, and offsets, outputs and
/// checkpoints go on as before. Activating a model carries every agent's state (its baselines learned
/// online and its open sessions) into the new model's shards; activating the model running in shadow
/// adopts the shadow's state instead (it scored the same records under that model), plus the agents it
/// has not met. A shadow scores every record after the active model, with its own admission and
/// quarantine decisions, and its outputs only go to its <see cref="ShadowComparison"/>.
/// </summary>
public sealed partial class KafkaWorker
{
    private readonly ConcurrentQueue<ModelChange> _modelChanges = new();
    private IBindingTable? _bindingTable;
    private IProducer<byte[]?, byte[]>? _producer;
    private volatile bool _accepting;
    private volatile ModelDirective? _shadowDirective;

    /// <summary>The version of the model alerts and signals are emitted under.</summary>
    public string ActiveModelVersion => _factory?.Engine.ModelVersion ?? _setup.Model.Version;

    /// <summary>The comparison with the candidate in shadow; null when none runs.</summary>
    public ShadowReport? Shadow => _factory?.ShadowEngine?.Comparison.Report();

    /// <summary>Switches to <paramref name="model"/>; completes once every partition scores with it. A shadow of another model is stopped.</summary>
    public Task ActivateAsync(DetectorModel model)
    {
        DetectionEngine? target = null;
        ShadowEngine? adopted = null;
        return Enqueue(new ModelChange($"activate model {model.Version}", runtime => Switch(runtime, target!, adopted), () =>
        {
            var factory = _factory!;
            adopted = factory.ShadowEngine is { } shadow && shadow.Engine.ModelVersion == model.Version ? shadow : null;
            target = adopted?.Engine ?? new DetectionEngine(_setup.Engine, model, _bindingTable!);
            factory.Engine = target;
            factory.ShadowEngine = null;
            Instruments?.SetModelVersion("active", model.Version);
            Instruments?.SetModelVersion("shadow", null);
        }));
    }

    /// <summary>Starts <paramref name="candidate"/> in shadow (replacing any shadow running); completes once every partition runs it.</summary>
    public Task StartShadowAsync(DetectorModel candidate)
    {
        ShadowEngine? shadow = null;
        return Enqueue(new ModelChange($"shadow model {candidate.Version}", runtime =>
        {
            if (runtime.Shadow?.Comparison != shadow!.Comparison)
                runtime.Shadow = _factory!.Shadow(shadow);
        }, () =>
        {
            var factory = _factory!;
            var engine = new DetectionEngine(_setup.Engine, candidate, new ReadOnlyBindingTable(_bindingTable!));
            shadow = new ShadowEngine(engine, new EnforcementGuard(_setup.Quarantine), new ShadowComparison(factory.Engine.ModelVersion, candidate.Version, _clock.GetUtcNow()));
            factory.ShadowEngine = shadow;
            Instruments?.SetModelVersion("shadow", candidate.Version);
        }));
    }

    /// <summary>Stops the shadow, if one runs.</summary>
    public Task StopShadowAsync() => Enqueue(new ModelChange("stop the shadow", runtime => runtime.Shadow = null, () =>
    {
        _factory!.ShadowEngine = null;
        Instruments?.SetModelVersion("shadow", null);
    }));

    /// <summary>
    /// Asks every worker of the group to load <paramref name="directory"/> for <paramref name="role"/> (null
    /// stops the shadow), through the models topic. The model is loaded here first, so a directory that
    /// does not hold a readable model is refused before anything is published.
    /// </summary>
    /// <returns>The directive published; null when the shadow was stopped.</returns>
    public async Task<ModelDirective?> PublishModelAsync(ModelRole role, string? directory, string actor, CancellationToken cancellationToken)
    {
        if (directory is null && role == ModelRole.Active)
            throw new ArgumentException("an active model names its directory", nameof(directory));
        var directive = directory is null ? null : new ModelDirective(role, Path.GetFullPath(directory), ModelStore.Load(directory).Version, actor, _clock.GetUtcNow());
        await PublishAsync(role, directive, actor, cancellationToken).ConfigureAwait(false);
        return directive;
    }

    /// <summary>Asks the group to activate the model running in shadow (each worker adopts its shadow's state) and to stop the shadow.</summary>
    /// <returns>The version activated.</returns>
    public async Task<string> PromoteShadowAsync(string actor, CancellationToken cancellationToken)
    {
        if (_shadowDirective is not { } shadow)
            throw new InvalidOperationException("no model runs in shadow");
        if (ModelStore.Load(shadow.Path).Version != shadow.Version)
            throw new InvalidOperationException($"{shadow.Path} no longer holds the shadow's model {shadow.Version}");
        var active = shadow with { Role = ModelRole.Active, Actor = actor, At = _clock.GetUtcNow() };
        await PublishAsync(ModelRole.Active, active, actor, cancellationToken).ConfigureAwait(false);
        await PublishAsync(ModelRole.Shadow, null, actor, cancellationToken).ConfigureAwait(false);
        return active.Version;
    }

    private async Task PublishAsync(ModelRole role, ModelDirective? directive, string actor, CancellationToken cancellationToken)
    {
        if (!_accepting || _producer is not { } producer)
            throw new InvalidOperationException("the worker is not running");
        await ModelDirectiveTopic.PublishAsync(producer, _kafka, role, directive, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("published {Role} model directive {Version} by {Actor}", role, directive?.Version ?? "(stop)", actor);
    }

    /// <summary>Follower thread: applies a directive published after start (by any worker of the group).</summary>
    private void OnDirective(ModelRole role, ModelDirective? directive)
    {
        if (role == ModelRole.Shadow)
            _shadowDirective = directive;
        var model = directive is null ? null : TryLoad(directive);
        if (directive is not null && model is null)
            return;
        try
        {
            _ = model is null ? StopShadowAsync() : role == ModelRole.Active ? ActivateAsync(model) : StartShadowAsync(model);
        }
        catch (InvalidOperationException)
        {
            // Stopping: a restart reads the directive from the topic.
            _logger.LogInformation("{Role} model directive arrived while stopping; it applies on restart", role);
        }
    }

    /// <summary>The directive's model, or null (logged) when its directory no longer holds that version.</summary>
    private DetectorModel? TryLoad(ModelDirective directive)
    {
        try
        {
            var model = ModelStore.Load(directive.Path);
            if (model.Version == directive.Version)
                return model;
            _logger.LogError("{Role} model directive not applied: {Path} now holds model {Found}, not {Version}", directive.Role, directive.Path, model.Version, directive.Version);
        }
        catch (Exception e) when (ModelStore.IsUnreadable(e))
        {
            _logger.LogError("{Role} model directive not applied: {Path}: {Reason}", directive.Role, directive.Path, e.Message);
        }
        return null;
    }

    private Task Enqueue(ModelChange change)
    {
        if (!_accepting || _failed.IsCancellationRequested)
            throw new InvalidOperationException("the worker is not running");
        _modelChanges.Enqueue(change);
        return change.Done;
    }

    /// <summary>Consumer thread: prepares queued changes and hands them to every scoring thread.</summary>
    private void DispatchModelChanges()
    {
        while (_modelChanges.TryDequeue(out var change))
        {
            try
            {
                change.Prepare(_lanes.Length);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "{Change} failed; the models in use are unchanged", change.Description);
                change.Fail(e);
                continue;
            }
            foreach (var lane in _lanes)
                lane.Queue.Writer.WriteAsync(new LaneMessage(LaneCommand.Model, -1, Change: change), _failed.Token).AsTask().Wait(_failed.Token);
            _logger.LogInformation("{Change}: handed to the scoring threads", change.Description);
        }
    }

    private void AbandonModelChanges()
    {
        while (_modelChanges.TryDequeue(out var change))
            change.Abandon();
    }

    /// <summary>Scoring thread: moves a partition to <paramref name="target"/>'s shards, keeping its de-duplication window and cooldowns.</summary>
    private void Switch(PartitionRuntime runtime, DetectionEngine target, ShadowEngine? adopted)
    {
        var old = runtime.Active;
        if (old.Shard.Engine == target)
            return;
        var shard = adopted is not null && runtime.Shadow is { } shadow && shadow.Comparison == adopted.Comparison ? shadow.Shard : target.CreateShard();
        var carried = old.Shard.Agents.Select(p => p.Agent).Where(a => !shard.TryGetHighWater(a, out _)).ToList();
        foreach (var (_, snapshot) in old.Shard.Snapshot(carried))
            shard.Restore(snapshot, dirty: true);
        runtime.Active = _factory!.Active(shard, old.Step.Gate, old.Step.Policy);
        runtime.Shadow = null;
    }
}
