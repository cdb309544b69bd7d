using Detector.Domain.Identity;

namespace Detector.Scoring.Profiles;

/// <summary>
/// The peer groups one shard scores against: copies of the trained group profiles (so shards never
/// share mutable state) plus groups opened for new role names. Resolves an agent's group from the
/// configured rules, else the model's learned assignment, else the default group until the agent
/// has enough history to be matched to the group whose members use the same tools.
/// </summary>
public sealed class PeerGroupTable
{
    public const string DefaultGroup = "default";

    /// <summary>A pseudo-group every agent feeds, for rates too rare to resolve per group (expired credentials).</summary>
    public const string FleetGroup = "fleet";

    private readonly List<PeerGroupProfile> _groups;
    private readonly Dictionary<string, int> _byName;
    private readonly IReadOnlyList<PeerGroupRule> _rules;
    private readonly IReadOnlyDictionary<AgentId, int> _learned;
    private readonly int _fleet;

    public PeerGroupTable(IReadOnlyList<PeerGroupProfile> groups, IReadOnlyDictionary<AgentId, int> learned, IReadOnlyList<PeerGroupRule> rules)
    {
        _groups = [.. groups];
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _groups.Count; i++)
            _byName[_groups[i].Name] = i;
        _learned = learned;
        _rules = rules;
        IndexOf(DefaultGroup);
        _fleet = IndexOf(FleetGroup);
    }

    public PeerGroupProfile Fleet => _groups[_fleet];

    public IReadOnlyList<PeerGroupProfile> Groups => _groups;

    public PeerGroupProfile this[int index] => _groups[index];

    /// <summary>The group of a newly seen agent.</summary>
    public int Resolve(AgentId agent)
    {
        foreach (var rule in _rules)
        {
            if (rule.TryMatch(agent.Value, out string name))
                return IndexOf(name);
        }
        return _learned.TryGetValue(agent, out int learned) && learned < _groups.Count ? learned : IndexOf(DefaultGroup);
    }

    /// <summary>Whether a group index is a real group rather than the default stand-in.</summary>
    public bool IsAssigned(int group) => group != IndexOf(DefaultGroup);

    /// <summary>
    /// The learned group for an agent that has matured in the default group: the group whose members
    /// most use the agent's tools (mean share of members per tool), if any group shares them at all.
    /// </summary>
    public int Match(AgentProfile agent)
    {
        int best = IndexOf(DefaultGroup);
        double bestScore = 0;
        var tools = agent.Novelty.Seen(NoveltyCategory.Tool);
        for (int g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            if (group.Members < 2 || group.Name == DefaultGroup)
                continue;
            double score = 0;
            int n = 0;
            foreach (var (key, _) in tools.Entries())
            {
                score += Math.Min(1, group.Users(NoveltyCategory.Tool, key) / (double)group.Members);
                n++;
            }
            score = n == 0 ? 0 : score / n;
            if (score > bestScore)
            {
                bestScore = score;
                best = g;
            }
        }
        return bestScore >= 0.5 ? best : IndexOf(DefaultGroup);
    }

    /// <summary>Puts a restored group in place of the one of the same name (opening it if new).</summary>
    public void Replace(PeerGroupProfile group) => _groups[IndexOf(group.Name)] = group;

    public int IndexOf(string name)
    {
        if (_byName.TryGetValue(name, out int index))
            return index;
        _groups.Add(new PeerGroupProfile(name));
        _byName[name] = _groups.Count - 1;
        return _groups.Count - 1;
    }
}
