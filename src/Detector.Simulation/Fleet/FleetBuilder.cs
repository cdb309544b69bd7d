using Detector.Simulation.Catalog;
using Detector.Simulation.Naming;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Fleet;

/// <summary>Builds the fleet from the catalog: agents per role, ids, tenants, sponsors, habits and usual sub-agents.</summary>
internal static class FleetBuilder
{
    // Local-time offsets as UTC shifts: mostly Europe, some US East, a few India and US West.
    private static readonly int[] HourShifts = [-1, -1, -1, 0, 0, 5, 5, -5, 8];
    private const double IdleShare = 0.15;

    public static FleetRoster Build(int seed, int agentCount)
    {
        var rng = Rng.Derive(seed, StreamPurpose.Fleet);
        var roles = FleetCatalog.Roles;
        int[] counts = Apportion(roles, agentCount);
        var pools = FleetPools.Create(rng);
        var words = new HashSet<string>(StringComparer.Ordinal);
        string[] tenants = [.. Enumerable.Range(0, Math.Clamp(agentCount / 4, 6, 30)).Select(_ => WordForge.UniqueWord(rng, words))];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var agents = new List<Agent>(agentCount);
        for (int r = 0; r < roles.Count; r++)
        {
            var role = roles[r];
            var rolePools = FleetPools.Subset(rng, pools, 0.35);
            string[] team = [.. Enumerable.Range(0, rng.Between(4, 7)).Select(_ => PeopleForge.Person(rng) + "@corp.example").Distinct()];
            var shared = DestinationKinds(role).ToDictionary(k => k, k => Enumerable.Range(0, 5).Select(_ => DestinationForge.Fresh(k, rng)).ToArray());
            for (int k = 0; k < counts[r]; k++)
                agents.Add(MakeAgent(agents.Count, role, rng, tenants, team, rolePools, shared, ids));
        }
        LinkPartners(agents, rng);
        var staffed = roles.Where(role => agents.Any(a => a.Role == role)).ToArray();
        return new FleetRoster(agents, tenants, rng.Pick(staffed));
    }

    private static Agent MakeAgent(int index, RoleSpec role, Rng rng, string[] tenants, string[] team, AgentPools rolePools,
        Dictionary<DestinationKind, string[]> shared, HashSet<string> ids)
    {
        string id;
        do
        {
            id = AgentIdForge.Make(role, rng);
        }
        while (!ids.Add(id));

        var myTenants = tenants.ToList();
        rng.Shuffle(myTenants);
        var book = new DestinationBook();
        foreach (var (kind, common) in shared)
        {
            int n = rng.Between(3, 7);
            for (int i = 0; i < n; i++)
                book.Add(kind, rng.Chance(0.4) ? rng.Pick(common) : DestinationForge.Fresh(kind, rng));
        }
        var sponsors = team.ToList();
        rng.Shuffle(sponsors);
        return new Agent
        {
            Index = index,
            Id = id,
            Role = role,
            Tenants = [.. myTenants.Take(rng.Between(role.MinTenants, role.MaxTenants))],
            Sponsors = [.. sponsors.Take(rng.Between(1, 3))],
            Pools = FleetPools.Subset(rng, rolePools, 0.5),
            Destinations = book,
            Activity = MakeActivity(role, rng),
        };
    }

    private static ActivityProfile MakeActivity(RoleSpec role, Rng rng)
    {
        var mix = role.Activity;
        var style = (ActivityStyle)rng.PickIndex([mix.BusinessHours, mix.AroundTheClock, mix.Nightly]);
        // Some agents are mostly idle: a session every day or few; the rest vary around 13 sessions a weekday.
        double rate = rng.Chance(IdleShare) ? rng.Uniform(0.2, 1.2) : Math.Clamp(rng.LogNormal(13, 0.45), 3, 40);
        return new ActivityProfile(style, rate, style == ActivityStyle.Nightly ? 0 : rng.Pick(HourShifts));
    }

    private static void LinkPartners(List<Agent> agents, Rng rng)
    {
        foreach (var agent in agents)
        {
            foreach (var route in agent.Role.DelegatesTo)
            {
                var candidates = agents.Where(a => a.Role.Name == route.ChildRole).ToList();
                if (candidates.Count == 0)
                    continue;
                rng.Shuffle(candidates);
                agent.Partners[route.ChildRole] = [.. candidates.Take(rng.Between(1, 2))];
            }
        }
    }

    private static IEnumerable<DestinationKind> DestinationKinds(RoleSpec role) =>
        role.Tools.Select(t => t.Destination).Where(k => k is not (DestinationKind.None or DestinationKind.Agent)).Distinct();

    /// <summary>Largest-remainder split of the fleet by role share, with at least one agent per role.</summary>
    private static int[] Apportion(IReadOnlyList<RoleSpec> roles, int total)
    {
        double shares = roles.Sum(r => r.FleetShare);
        var exact = roles.Select(r => r.FleetShare / shares * total).ToArray();
        var counts = exact.Select(x => Math.Max(1, (int)Math.Floor(x))).ToArray();
        var byRemainder = Enumerable.Range(0, roles.Count).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).ToArray();
        for (int k = 0; counts.Sum() < total; k++)
            counts[byRemainder[k % roles.Count]]++;
        while (counts.Sum() > total)
            counts[Array.IndexOf(counts, counts.Max())]--;
        return counts;
    }
}
