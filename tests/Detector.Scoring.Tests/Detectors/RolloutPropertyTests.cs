using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A role-wide rollout is a change of the role, not an incident: when several triage agents take up the
/// same new tool within days of each other, whatever the first adopter drew, none of the later adopters
/// raises an alert above low severity when it takes the tool up.
/// </summary>
/// <remarks>
/// Two engine defects, reported with these tests, keep the property to the adoption session (each later
/// adopter's first session with the tool) and to tools that read or write, actions the role already
/// takes. (1) The sequence detector knows nothing of rollouts: from an adopter's second session with the
/// tool, the step into it is a rare transition (p about 5e-4) that fuses to high or critical risk, and
/// since flagged sessions teach no baseline, every later session of every adopter alerts again.
/// (2) The action check knows nothing of rollouts either: a rolled-out "execute" tool for agents that
/// only read and write draws a critical alert in every session of every adopter.
/// </remarks>
public sealed class RolloutPropertyTests
{
    private const string NewTool = "summarize_ticket";

    /// <summary>How many agents adopt, the days between consecutive adoptions, what the tool does, and the habits' seed.</summary>
    private static readonly Arbitrary<Rollout> Rollouts =
        (from adopters in Gen.Choose(2, 4)
         from gaps in Gen.Choose(0, 2).ArrayOf(3)
         from action in Gen.Elements(ToolAction.Read, ToolAction.Write)
         from seed in Gen.Choose(1, 1_000_000)
         select new Rollout(adopters, gaps, action, seed)).ToArbitrary();

    [Fact]
    public void Later_adopters_of_a_tool_rolled_out_to_their_role_raise_nothing_above_low_severity_when_they_take_it_up()
    {
        SeededCheck.Verify(Prop.ForAll(Rollouts, rollout =>
        {
            var scenario = rollout.Scenario();

            var replay = ShadowReplay.Run(scenario);

            var adoptions = scenario.Test.Where(e => e.Tool == NewTool && e.Agent != scenario.Test.First(f => f.Tool == NewTool).Agent)
                .GroupBy(e => e.Agent).Select(g => g.First().SessionKey).ToHashSet();
            var alerts = replay.Steps.Where(s => adoptions.Contains(s.Session)).SelectMany(s => s.Alerts).ToList();
            Assert.Equal(rollout.Adopters - 1, adoptions.Count);
            Assert.True(alerts.All(a => a.Severity <= Severity.Low),
                $"{rollout}: " + string.Join(" | ", alerts.Where(a => a.Severity > Severity.Low).Select(a => $"{a.Severity} {a.Explanation}")));
        }), maxTest: 25);
    }

    private sealed record Rollout(int Adopters, int[] Gaps, ToolAction Action, int Seed)
    {
        /// <summary>The day (after the history) on which adopter n (1-based) first uses the tool.</summary>
        private int AdoptionDay(int n) => Habits.TestDay + Gaps.Take(n - 1).Sum();

        /// <summary>The hour adopter n first uses it: adopters of the same day one hour after another, so the first is the first.</summary>
        private static int AdoptionHour(int n) => 9 + n;

        private int LastDay => AdoptionDay(Adopters) + 1;

        /// <summary>
        /// The triage fleet's history, then every agent's usual office hours until the day after the last
        /// adoption; from its adoption on, an adopter uses the new tool after reading the ticket.
        /// </summary>
        public DetectorScenario Scenario() => DetectorScenario.Of(History, (script, random) =>
        {
            for (int day = Habits.TestDay; day <= LastDay; day++)
            {
                for (int hour = 9; hour < 17; hour++)
                {
                    for (int n = 1; n <= Habits.RoleSize; n++)
                    {
                        bool adopted = n <= Adopters && (day > AdoptionDay(n) || (day == AdoptionDay(n) && hour >= AdoptionHour(n)));
                        Habits.Hours(script, Habits.Agent("triage", n), random, adopted ? WithNewTool : Habits.VariedTriage, day, hour, hour + 1);
                    }
                }
            }
        }, Seed) with { Subject = new AgentId(Habits.Agent("triage", Adopters)) };

        private static void History(EventScript script, Random random)
        {
            for (int n = 1; n <= Habits.RoleSize; n++)
                Habits.OfficeHours(script, Habits.Agent("triage", n), random, Habits.VariedTriage);
        }

        /// <summary>The routine with the new tool after the read (in its plain order: the property is about the tool, not the benign spread).</summary>
        private IEnumerable<ScriptedStep> WithNewTool(Random random)
        {
            var steps = Habits.Triage(random).ToList();
            steps.Insert(2, new ScriptedStep(NewTool, Action) { Resource = "tickets/123" });
            return steps;
        }

        public override string ToString() => $"{Adopters} adopters, gaps {string.Join(",", Gaps)} days, {Action}, seed {Seed}";
    }
}
