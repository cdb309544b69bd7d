using Detector.Simulation.Attacks;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Naming;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Schedule;

/// <summary>
/// Hijacks planned test sessions of ordinary agents. The budget is the attack rate times the test
/// sessions, split evenly between scenarios and rounded up (at least one each). Each scenario's
/// sessions are spread over the test period (one stratum of days per session) and rotate through
/// the roles that can carry it; agents not yet hijacked are preferred.
/// </summary>
internal static class AttackPlanner
{
    /// <param name="days">The test days' plans, first test day first.</param>
    public static void Assign(IReadOnlyList<IReadOnlyList<SessionPlan>> days, FleetRoster fleet, double rate, int seed)
    {
        if (rate <= 0)
            return;
        var rng = Rng.Derive(seed, StreamPurpose.Attacks);
        // Test sessions include the sub-agent sessions that planned ones will start.
        double testSessions = days.SelectMany(d => d).Sum(p => 1 + p.Agent.Role.DelegationRate);
        int budget = (int)Math.Round(rate * testSessions);
        var kinds = Scenarios.Attacks;
        var hijacked = new HashSet<Agent>();
        for (int k = 0; k < kinds.Count; k++)
        {
            int quota = Math.Max(1, (budget + kinds.Count - 1) / kinds.Count);
            var shaper = AttackShapers.For(kinds[k]);
            var roles = fleet.Roles.Where(r => shaper.Accepts(r, fleet)).ToList();
            if (roles.Count == 0)
                continue;
            rng.Shuffle(roles);
            if (kinds[k] == AttackKind.SlowPoisoning)
                PlanCampaigns(days, fleet, roles, quota, hijacked, rng);
            else
                PlanSingles(days, fleet, kinds[k], roles, quota, hijacked, rng);
        }
    }

    private static void PlanSingles(IReadOnlyList<IReadOnlyList<SessionPlan>> days, FleetRoster fleet, AttackKind kind,
        List<RoleSpec> roles, int quota, HashSet<Agent> hijacked, Rng rng)
    {
        for (int i = 0; i < quota; i++)
        {
            var role = roles[i % roles.Count];
            int stratum = Math.Min(days.Count - 1, (int)((i + rng.NextDouble()) * days.Count / quota));
            var plan = PickPlan(days, fleet.OfRole(role).ToHashSet(), stratum, hijacked, rng);
            if (plan is null)
                continue;
            plan.Attack = new AttackAssignment(kind, i);
            hijacked.Add(plan.Agent);
        }
    }

    /// <summary>The nearest test day to <paramref name="day"/> with a free session of the role; fresh agents first.</summary>
    private static SessionPlan? PickPlan(IReadOnlyList<IReadOnlyList<SessionPlan>> days, HashSet<Agent> agents, int day,
        HashSet<Agent> hijacked, Rng rng)
    {
        for (int distance = 0; distance < days.Count; distance++)
        {
            foreach (int d in new[] { day - distance, day + distance }.Distinct())
            {
                if (d < 0 || d >= days.Count)
                    continue;
                var free = days[d].Where(p => p.Attack is null && agents.Contains(p.Agent)).ToList();
                if (free.Count == 0)
                    continue;
                var fresh = free.Where(p => !hijacked.Contains(p.Agent)).ToList();
                return rng.Pick(fresh.Count > 0 ? fresh : free);
            }
        }
        return null;
    }

    /// <summary>
    /// One campaign per quota unit, each of 3..5 sessions of one agent spread over its test sessions in time order; the
    /// destination is drawn from the same forge as every other destination.
    /// </summary>
    private static void PlanCampaigns(IReadOnlyList<IReadOnlyList<SessionPlan>> days, FleetRoster fleet,
        List<RoleSpec> roles, int quota, HashSet<Agent> hijacked, Rng rng)
    {
        var byAgent = days.SelectMany(d => d).ToLookup(p => p.Agent);
        for (int remaining = quota, campaign = 0; remaining > 0; campaign++)
        {
            if (campaign >= quota + roles.Count)
                return;
            // Each campaign ends in one harmful send, the session labelled slow_poisoning, so the quota counts
            // campaigns; its 2..4 earlier doses come on top (labelled slow_poisoning_dose).
            int size = rng.Between(3, 5);
            var role = roles[campaign % roles.Count];
            var candidates = fleet.OfRole(role)
                .Select(a => (Agent: a, Plans: byAgent[a].Where(p => p.Attack is null).ToList()))
                .Where(c => c.Plans.Count >= size)
                .ToList();
            if (candidates.Count == 0)
                continue;
            var fresh = candidates.Where(c => !hijacked.Contains(c.Agent)).ToList();
            var (agent, plans) = rng.Pick(fresh.Count > 0 ? fresh : candidates);
            var transfers = role.ExternalTransfers.ToList();
            // Payments move money by amount, not bytes; a data channel shows the growing doses better.
            var preferred = transfers.Where(t => t.Destination != DestinationKind.Account).ToList();
            var tool = rng.Pick(preferred.Count > 0 ? preferred : transfers);
            var plot = new PoisonCampaign(tool, DestinationForge.Fresh(tool.Destination, rng), size - 1, rng.LogNormal(tool.BytesOut, tool.BytesSigma));
            for (int j = 0; j < size; j++)
            {
                var plan = plans[(int)Math.Round(j * (plans.Count - 1) / (double)(size - 1))];
                plan.Attack = new AttackAssignment(AttackKind.SlowPoisoning, campaign, plot, j);
            }
            hijacked.Add(agent);
            remaining--;
        }
    }
}
