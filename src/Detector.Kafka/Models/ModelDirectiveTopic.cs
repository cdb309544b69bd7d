using System.Text;
using Confluent.Kafka;
using Detector.Kafka.Bindings;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Models;

/// <summary>
/// The models topic, followed in full by every worker of the group, so a switch asked of one worker
/// reaches them all and a restarted worker comes back on the model last activated. Directives present
/// at start are returned by <see cref="StartAsync"/>; later ones are handed to the callback, in order,
/// on the follower's thread.
/// </summary>
public sealed class ModelDirectiveTopic : IDisposable
{
    private readonly Lock _lock = new();
    private readonly CompactedTopicFollower _follower;
    private readonly Dictionary<ModelRole, ModelDirective?> _latest = [];
    private readonly ILogger _logger;
    private Action<ModelRole, ModelDirective?>? _onChange;

    public ModelDirectiveTopic(KafkaOptions options, ILogger logger)
    {
        _logger = logger;
        _follower = new CompactedTopicFollower(options, options.Topics.Models, "agentdrift-models", Apply, logger);
    }

    /// <summary>Reads the topic to its end and returns the directives in force; later ones go to <paramref name="onChange"/> (a null shadow stops it).</summary>
    public async Task<(ModelDirective? Active, ModelDirective? Shadow)> StartAsync(Action<ModelRole, ModelDirective?> onChange, CancellationToken cancellationToken)
    {
        await _follower.StartAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _onChange = onChange;
            return (_latest.GetValueOrDefault(ModelRole.Active), _latest.GetValueOrDefault(ModelRole.Shadow));
        }
    }

    /// <summary>Faults if following the topic failed after start (model switches no longer arrive).</summary>
    public Task Stopped => _follower.Stopped;

    /// <summary>Publishes a directive (null: stop the shadow) and returns once the broker acknowledged it.</summary>
    public static async Task PublishAsync(IProducer<byte[]?, byte[]> producer, KafkaOptions options, ModelRole role, ModelDirective? directive, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]> { Key = ModelDirective.Key(role), Value = directive?.ToJson()! };
        await producer.ProduceAsync(options.Topics.Models, message, cancellationToken).ConfigureAwait(false);
    }

    private void Apply(byte[] key, byte[]? value)
    {
        if (ModelDirective.RoleOf(key) is not { } role)
        {
            _logger.LogWarning("models topic: ignoring a record with key {Key}", Encoding.UTF8.GetString(key));
            return;
        }
        ModelDirective? directive;
        try
        {
            directive = value is null ? null : ModelDirective.FromJson(role, value);
        }
        catch (InvalidDataException e)
        {
            _logger.LogError("models topic: ignoring the {Role} record: {Reason}", role, e.Message);
            return;
        }
        if (role == ModelRole.Active && directive is null)
            return;
        Action<ModelRole, ModelDirective?>? live;
        lock (_lock)
        {
            _latest[role] = directive;
            live = _onChange;
        }
        live?.Invoke(role, directive);
    }

    public void Dispose() => _follower.Dispose();
}
