using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Schedule;

/// <summary>
/// The sessions each day asks for: per agent a Poisson count around the agent's rate, scaled by a
/// role-wide volume that drifts from day to day and has one busy day, with start times from the
/// agent's hourly curve. Each agent-day has its own random stream, so a day can be planned on its
/// own: test days are planned up front and kept (attacks are placed on them), history days when asked.
/// </summary>
internal sealed class SessionSchedule
{
    private readonly FleetRoster _fleet;
    private readonly Timeline _timeline;
    private readonly int _seed;
    private readonly Dictionary<RoleSpec, double[]> _volume;

    public SessionSchedule(FleetRoster fleet, Timeline timeline, int seed)
    {
        _fleet = fleet;
        _timeline = timeline;
        _seed = seed;
        _volume = RoleVolume(fleet, timeline, Rng.Derive(seed, StreamPurpose.Schedule, ulong.MaxValue));
        TestDays = [.. Enumerable.Range(timeline.HistoryDays, timeline.TestDays).Select(Plan)];
    }

    /// <summary>The test days' plans, first test day first.</summary>
    public IReadOnlyList<IReadOnlyList<SessionPlan>> TestDays { get; }

    /// <summary>The plans of one day, in start order.</summary>
    public IReadOnlyList<SessionPlan> Day(int day) => _timeline.IsTestDay(day) ? TestDays[day - _timeline.HistoryDays] : Plan(day);

    private List<SessionPlan> Plan(int day)
    {
        var plans = new List<SessionPlan>();
        foreach (var agent in _fleet.Agents)
        {
            var rng = Rng.Derive(_seed, StreamPurpose.Schedule, (ulong)agent.Index, (ulong)day);
            int count = rng.Poisson(agent.Activity.SessionsOn(_timeline.DayOfWeek(day)) * _volume[agent.Role][day]);
            for (int k = 0; k < count; k++)
            {
                var start = agent.Activity.SampleStart(_timeline.DayStart(day), rng);
                ulong key = ((ulong)day << 40) | ((ulong)agent.Index << 20) | (uint)k;
                plans.Add(new SessionPlan(agent, start, day, _timeline.IsTestDay(day), DrawVariation(agent, rng), key));
            }
        }
        plans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Key.CompareTo(b.Key));
        return plans;
    }

    private static BenignVariation DrawVariation(Agent agent, Rng rng)
    {
        var role = agent.Role;
        if (role.WorkflowsFor(WorkflowUse.Batch).Count > 0 && rng.Chance(agent.Activity.Style == ActivityStyle.Nightly ? 0.12 : 0.03))
            return BenignVariation.BatchBurst;
        double u = rng.NextDouble();
        if (u < 0.01)
            return BenignVariation.LongSession;
        if (u < 0.025)
            return BenignVariation.RetryStorm;
        if (u < 0.05 && role.ExternalTransfers.Count > 0)
            return BenignVariation.NewVendor;
        return BenignVariation.Normal;
    }

    /// <summary>Per role and day: a log-AR(1) drift (persistence 0.6, step sd 0.08) times 1.5 on one busy day.</summary>
    private static Dictionary<RoleSpec, double[]> RoleVolume(FleetRoster fleet, Timeline timeline, Rng rng)
    {
        var result = new Dictionary<RoleSpec, double[]>();
        foreach (var role in fleet.Roles)
        {
            var factors = new double[timeline.TotalDays];
            double level = 0;
            int busy = rng.Below(timeline.TotalDays);
            for (int d = 0; d < factors.Length; d++)
            {
                level = 0.6 * level + 0.08 * rng.Normal();
                factors[d] = Math.Exp(level) * (d == busy ? 1.5 : 1);
            }
            result[role] = factors;
        }
        return result;
    }
}
