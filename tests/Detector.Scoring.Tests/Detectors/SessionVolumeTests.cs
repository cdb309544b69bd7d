using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>A session far longer than usual: a triage agent whose sessions have four steps runs one of eighty (its routine twenty times over). Its twin has four.</summary>
public sealed class SessionVolumeTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.SessionVolume;

    protected override double Bound => 1e-3;

    protected override IDetector CreateDetector() => new SessionShapeDetector();

    internal override DetectorScenario Anomalous() => Scenario(rounds: 20);

    internal override DetectorScenario Normal() => Scenario(rounds: 1);

    /// <summary>
    /// Cold start: an agent first seen on the test day has no sessions of its own to compare with, so
    /// the sessions of the agents it joins stand in. The same runaway session is as visible; its usual
    /// four steps are not.
    /// </summary>
    [Fact]
    public void A_new_agent_is_judged_by_the_sessions_of_the_agents_it_joins()
    {
        var runaway = Scenario(rounds: 20, agent: Newcomer, usualHours: false);
        var usual = Scenario(rounds: 1, agent: Newcomer, usualHours: false);

        var replay = Replay(runaway);
        Assert.True(replay.Strongest(Kind, runaway.Subject) < Bound);
        Assert.True(Replay(usual).Strongest(Kind, usual.Subject) > Significant);
        // The explanation must not claim the agent's own history as the baseline.
        Assert.All(replay.Findings(Kind), f => Assert.NotEqual(FindingScope.Agent, f.Scope));
    }

    private static readonly string Newcomer = Habits.Agent("triage", 99);

    private static DetectorScenario Scenario(int rounds, string? agent = null, bool usualHours = true) => DetectorScenario.Of(RareTransitionTests.TriageFleet, (script, random) =>
    {
        agent ??= Habits.Agent("triage", 1);
        if (usualHours)
            Habits.Hours(script, agent, random, Habits.Triage, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
            Enumerable.Range(0, rounds).SelectMany(_ => Habits.Triage(random)));
    });
}
