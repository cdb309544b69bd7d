using Detector.Domain.Identity;
using Detector.Domain.Ingest;

namespace Detector.Pipeline.Stages;

/// <summary>
/// Routes an agent to the shard that owns it, by a stable hash so the mapping is the same in every
/// process. All events of one agent go to one shard, in input order.
/// </summary>
public sealed class ShardRouter(int shards)
{
    public int Shards => shards;

    public int Route(AgentId agent) => shards == 1 ? 0 : (int)(StableHash.Of(agent.Value) % (ulong)shards);
}
