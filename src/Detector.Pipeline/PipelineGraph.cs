using Detector.Domain.Events;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Ingest;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;

namespace Detector.Pipeline;

/// <summary>
/// The stage objects of one run, built once: the parser, the router and one <see cref="ShardStep"/>
/// per shard. Both the channel pipeline and the inline (benchmark) driver run this same graph.
/// </summary>
public sealed class PipelineGraph
{
    public PipelineGraph(
        PipelineOptions options,
        QuarantineOptions quarantine,
        ToolCatalog catalog,
        Func<int, IScoringShard> createShard,
        IRecordSource source,
        TimeProvider? wallClock,
        IScoredEventTap? tap = null)
    {
        options.Validate();
        quarantine.Validate();
        Options = options;
        Source = source;
        Parse = new ParseStep(options.Ingest, catalog, source);
        Router = new ShardRouter(options.Shards);
        Guard = new EnforcementGuard(quarantine);
        var shards = new ShardStep[options.Shards];
        for (int i = 0; i < shards.Length; i++)
            shards[i] = new ShardStep(createShard(i), new IngestGate(options, wallClock), new QuarantinePolicy(quarantine, Guard, wallClock), source, wallClock, tap);
        Shards = shards;
    }

    public PipelineOptions Options { get; }

    public IRecordSource Source { get; }

    public ParseStep Parse { get; }

    public ShardRouter Router { get; }

    public IReadOnlyList<ShardStep> Shards { get; }

    /// <summary>Monitor-only scope and circuit breaker, shared by every shard's quarantine policy.</summary>
    public EnforcementGuard Guard { get; }

    /// <summary>State sizes and evictions summed over shards, with the quarantine cooldown evictions.</summary>
    public StateCounters StateCounters()
    {
        var total = new StateCounters();
        foreach (var s in Shards)
        {
            total.Add(s.Shard.Counters);
            total.CooldownsEvicted += s.Policy.Evictions;
        }
        return total;
    }

    public long EventIdsEvicted() => Shards.Sum(s => s.Gate.Dedup.Evicted);
}
