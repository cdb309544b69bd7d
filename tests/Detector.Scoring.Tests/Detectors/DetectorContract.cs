using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// What every detector owes, checked on a known-answer case each derived class supplies: an anomalous
/// scenario and its normal twin over the same history. The anomaly yields the detector's evidence kind
/// below a stated bound, and the engine carries it into the session and ranks the session above the
/// twin; the twin yields none of that kind; the same stream gives the same findings; every p-value
/// lies in (0,1]. Stricter contracts (<see cref="BaselineKeepingContract"/>,
/// <see cref="RepeatableScoringContract"/>) add what scoring must leave alone.
/// </summary>
public abstract class DetectorContract
{
    /// <summary>Evidence weaker than this is not "evidence of that kind" for the normal twin.</summary>
    protected const double Significant = 0.05;

    /// <summary>The kind the anomaly is evidence of.</summary>
    protected abstract EvidenceKind Kind { get; }

    /// <summary>The anomaly's strongest finding of <see cref="Kind"/> lies below this.</summary>
    protected abstract double Bound { get; }

    protected abstract IDetector CreateDetector();

    /// <summary>The detector this case holds to the contract.</summary>
    internal Type DetectorType => CreateDetector().GetType();

    internal abstract DetectorScenario Anomalous();

    internal abstract DetectorScenario Normal();

    internal ShadowReplay Replay(DetectorScenario scenario, ProbeChecks checks = ProbeChecks.None) => ShadowReplay.Run(scenario, CreateDetector(), checks);

    [Fact]
    public void The_anomaly_yields_its_evidence_kind_below_the_stated_bound()
    {
        var scenario = Anomalous();

        var replay = Replay(scenario);

        double p = replay.Strongest(Kind, scenario.Subject);
        Assert.True(p < Bound, $"{Kind.WireName()}: strongest p {p:G3}, expected below {Bound:G3}");
    }

    [Fact]
    public void The_normal_twin_yields_no_significant_evidence_of_that_kind()
    {
        var scenario = Normal();

        var replay = Replay(scenario);

        Assert.NotEmpty(replay.Probes);
        var significant = replay.Findings(Kind).Where(f => f.PValue <= Significant).ToList();
        Assert.True(significant.Count == 0, $"the normal twin yielded {string.Join(", ", significant)}");
        Assert.All(replay.Sessions.Keys.Where(k => k.Agent == scenario.Subject),
            k => Assert.True(replay.SessionEvidence(Kind, k) > Significant, $"the engine recorded {Kind.WireName()} in the twin's session {k.Session}"));
    }

    [Fact]
    public void The_engine_records_the_anomaly_in_its_session_and_ranks_that_session_above_the_normal_twin()
    {
        var anomalous = Anomalous();
        var normal = Normal();

        var attack = Replay(anomalous);
        var twin = Replay(normal);

        var session = attack.SessionOfStrongest(Kind, anomalous.Subject);
        var twinSession = twin.LastSession(normal.Subject);
        double recorded = attack.SessionEvidence(Kind, session);
        Assert.True(recorded < Bound, $"the engine recorded {Kind.WireName()} at p {recorded:G3} in {session.Session}");
        double attackRisk = attack.SessionRisk(session), twinRisk = twin.SessionRisk(twinSession);
        Assert.True(attackRisk > twinRisk, $"session {session.Session} reached risk {attackRisk:G6}, not above the twin's {twinSession.Session} at {twinRisk:G6}");
    }

    [Fact]
    public void Scoring_the_same_alerting_stream_twice_gives_the_same_findings_risks_and_alerts()
    {
        var scenario = Anomalous();

        var first = Replay(scenario);
        var second = Replay(scenario);

        Assert.Contains(first.Probes, p => p.Findings.Any(f => f.Kind == Kind));
        Assert.Contains(first.Steps, s => s.Alerts.Count > 0);
        Assert.Equal(first.Probes.Select(p => (p.EventId, p.Findings.Length)), second.Probes.Select(p => (p.EventId, p.Findings.Length)));
        Assert.Equal(first.Probes.SelectMany(p => p.Findings), second.Probes.SelectMany(p => p.Findings));
        Assert.Equal(first.Steps.Select(s => (s.EventId, s.Risk)), second.Steps.Select(s => (s.EventId, s.Risk)));
        Assert.Equal(first.Steps.SelectMany(s => s.AlertFacts), second.Steps.SelectMany(s => s.AlertFacts));
    }

    [Fact]
    public void Every_p_value_lies_above_zero_and_at_most_one_and_is_never_nan()
    {
        var replays = new[] { Replay(Anomalous()), Replay(Normal()) };

        var findings = replays.SelectMany(r => r.Probes).SelectMany(p => p.Findings).ToList();
        var recorded = replays.SelectMany(r => r.Sessions.Values).SelectMany(s => s.Evidence.Steps).Select(s => s.Finding).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings.Concat(recorded), f => Assert.True(f.PValue is > 0 and <= 1, $"{f.Kind.WireName()} p = {f.PValue}"));
        Assert.All(replays.SelectMany(r => r.Steps), s => Assert.True(s.Risk is >= 0 and <= 1, $"risk {s.Risk}"));
    }
}
