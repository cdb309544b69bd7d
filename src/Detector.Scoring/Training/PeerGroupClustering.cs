using Detector.Domain.Identity;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Training;

/// <summary>
/// Groups agents that use the same tools, for agents no configured rule places: leader clustering
/// (Hartigan, "Clustering Algorithms", 1975, ch. 3) over each agent's set of habitual tools with
/// Jaccard similarity. One pass in agent-id order, so the result is deterministic; O(agents x groups),
/// which stays fast for fleets of tens of thousands where pairwise linkage would not.
/// </summary>
public static class PeerGroupClustering
{
    /// <summary>Two agents are peers when at least this share of their combined tools is common.</summary>
    public const double MinSimilarity = 0.5;

    /// <summary>Tools used fewer times than this are incidental and do not define a role.</summary>
    private const uint HabitualUses = 3;

    public static IReadOnlyDictionary<AgentId, string> Cluster(IEnumerable<AgentProfile> agents)
    {
        var leaders = new List<(HashSet<ulong> Tools, List<AgentId> Members)>();
        foreach (var agent in agents.OrderBy(a => a.Agent.Value, StringComparer.Ordinal))
        {
            var tools = agent.Novelty.Seen(NoveltyCategory.Tool).Entries().Where(t => t.Count >= HabitualUses).Select(t => t.Key).ToHashSet();
            if (tools.Count == 0)
                continue;
            int best = -1;
            double bestSimilarity = MinSimilarity;
            for (int i = 0; i < leaders.Count; i++)
            {
                double similarity = Jaccard(tools, leaders[i].Tools);
                if (similarity >= bestSimilarity)
                {
                    best = i;
                    bestSimilarity = similarity;
                }
            }
            if (best < 0)
                leaders.Add((tools, [agent.Agent]));
            else
                leaders[best].Members.Add(agent.Agent);
        }

        // Name groups by size (largest first), ties by their first member, so names are stable.
        var ordered = leaders.OrderByDescending(l => l.Members.Count).ThenBy(l => l.Members[0].Value, StringComparer.Ordinal).ToList();
        var result = new Dictionary<AgentId, string>();
        for (int g = 0; g < ordered.Count; g++)
        {
            foreach (var member in ordered[g].Members)
                result[member] = $"learned-{g + 1}";
        }
        return result;
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        int common = 0;
        foreach (ulong x in a)
        {
            if (b.Contains(x))
                common++;
        }
        return common / (double)(a.Count + b.Count - common);
    }
}
