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

    // Mean weekday sessions of a busy agent: with the defaults this gives about 5,100 test sessions,
    // so a 2 % attack rate yields 15 sessions per scenario.
    private const double BusyMean = 16.5;

    public static FleetRoster Build(int seed, int agentCount)
    {
        var rng = Rng.Derive(seed, StreamPurpose.Fleet);
        var roles = FleetCatalog.Roles;
        int[] counts = Apportion([.. roles.Select(r => r.FleetShare)], agentCount, minimum: 1);
        var pools = FleetPools.Create(rng);
        var words = new HashSet<string>(StringComparer.Ordinal);
        string[] tenants = [.. Enumerable.Range(0, Math.Clamp(agentCount / 4, 6, 30)).Select(_ => WordForge.UniqueWord(rng, words))];
        // Fixed shares (idle agents, daily shapes), placed at random, keep fleet volume steady across seeds.
        var order = Enumerable.Range(0, agentCount).ToList();
        rng.Shuffle(order);
        var idle = order.Take((int)Math.Round(agentCount * IdleShare)).ToHashSet();
        double[] rates = Rates(agentCount, idle, rng);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var agents = new List<Agent>(agentCount);
        for (int r = 0; r < roles.Count; r++)
        {
            var team = MakeTeam(roles[r], pools, rng);
            var styles = Styles(roles[r].Activity, counts[r], rng);
            foreach (var style in styles)
                agents.Add(MakeAgent(agents.Count, team, style, rates[agents.Count], tenants, ids, rng));
        }
        LinkPartners(agents, rng);
        var staffed = roles.Where(role => agents.Any(a => a.Role == role)).ToArray();
        return new FleetRoster(agents, tenants, rng.Pick(staffed), Onboard(agents, staffed, tenants, rng));
    }

    /// <summary>
    /// A multi-tenant role, a tenant few of its agents serve, and half (at least one) of those that
    /// do not; empty only in a fleet so small that every agent of the role serves every tenant.
    /// </summary>
    private static TenantOnboarding Onboard(List<Agent> agents, RoleSpec[] staffed, string[] tenants, Rng rng)
    {
        var role = rng.Pick(staffed.Where(r => r.MaxTenants > 1).ToArray());
        var members = agents.Where(a => a.Role == role).ToList();
        var shuffled = tenants.ToList();
        rng.Shuffle(shuffled);
        string tenant = shuffled.MinBy(t => members.Count(a => a.Tenants.Contains(t)))!;
        var candidates = members.Where(a => !a.Tenants.Contains(tenant)).ToList();
        rng.Shuffle(candidates);
        return new TenantOnboarding(tenant, candidates.Take((candidates.Count + 1) / 2).ToHashSet());
    }

    private static TeamSetup MakeTeam(RoleSpec role, AgentPools pools, Rng rng)
    {
        var subset = FleetPools.Subset(rng, pools, 0.35);
        string[] sponsors = [.. Enumerable.Range(0, rng.Between(4, 7)).Select(_ => PeopleForge.Person(rng) + "@corp.example").Distinct()];
        var kinds = role.Tools.Select(t => t.Destination).Where(k => k is not (DestinationKind.None or DestinationKind.Agent)).Distinct();
        var shared = kinds.ToDictionary(k => k, k => Enumerable.Range(0, 5).Select(_ => DestinationForge.Fresh(k, rng)).ToArray());
        return new TeamSetup(role, subset, sponsors, shared);
    }

    private static Agent MakeAgent(int index, TeamSetup team, ActivityStyle style, double rate, string[] tenants, HashSet<string> ids, Rng rng)
    {
        var role = team.Role;
        string id;
        do
        {
            id = AgentIdForge.Make(role, rng);
        }
        while (!ids.Add(id));

        var myTenants = tenants.ToList();
        rng.Shuffle(myTenants);
        var book = new DestinationBook();
        foreach (var (kind, common) in team.Destinations)
        {
            int n = rng.Between(3, 7);
            for (int i = 0; i < n; i++)
                book.Add(kind, rng.Chance(0.4) ? rng.Pick(common) : DestinationForge.Fresh(kind, rng));
        }
        var sponsors = team.Sponsors.ToList();
        rng.Shuffle(sponsors);
        return new Agent
        {
            Index = index,
            Id = id,
            Role = role,
            Tenants = [.. myTenants.Take(rng.Between(role.MinTenants, role.MaxTenants))],
            Sponsors = [.. sponsors.Take(rng.Between(1, 3))],
            Pools = FleetPools.Subset(rng, team.Pools, 0.5),
            Destinations = book,
            Activity = new ActivityProfile(style, rate, style == ActivityStyle.Nightly ? 0 : rng.Pick(HourShifts)),
        };
    }

    /// <summary>
    /// Weekday session rates: idle agents a session every day or few; busy ones log-normal, then
    /// scaled to <see cref="BusyMean"/> so that the seed changes who is busy, not how busy the fleet is.
    /// </summary>
    private static double[] Rates(int agentCount, HashSet<int> idle, Rng rng)
    {
        var rates = new double[agentCount];
        for (int i = 0; i < agentCount; i++)
            rates[i] = idle.Contains(i) ? rng.Uniform(0.2, 1.2) : rng.LogNormal(1, 0.35);
        var busy = Enumerable.Range(0, agentCount).Where(i => !idle.Contains(i)).ToArray();
        double scale = busy.Length == 0 ? 1 : BusyMean * busy.Length / busy.Sum(i => rates[i]);
        foreach (int i in busy)
            rates[i] *= scale;
        return rates;
    }

    /// <summary>The role's agents' daily shapes in the role's proportions, in random order.</summary>
    private static List<ActivityStyle> Styles(ActivityMix mix, int count, Rng rng)
    {
        int[] split = Apportion([mix.BusinessHours, mix.AroundTheClock, mix.Nightly], count, minimum: 0);
        var styles = new List<ActivityStyle>(count);
        for (int s = 0; s < split.Length; s++)
            styles.AddRange(Enumerable.Repeat((ActivityStyle)s, split[s]));
        rng.Shuffle(styles);
        return styles;
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

    /// <summary>Largest-remainder split of <paramref name="total"/> by weight, each part at least <paramref name="minimum"/>.</summary>
    private static int[] Apportion(double[] weights, int total, int minimum)
    {
        double sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var counts = exact.Select(x => Math.Max(minimum, (int)Math.Floor(x))).ToArray();
        var byRemainder = Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).ToArray();
        for (int k = 0; counts.Sum() < total; k++)
            counts[byRemainder[k % weights.Length]]++;
        while (counts.Sum() > total)
            counts[Array.IndexOf(counts, counts.Max())]--;
        return counts;
    }
}
