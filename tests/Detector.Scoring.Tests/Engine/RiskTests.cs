using Detector.Domain.Outputs;
using Detector.Scoring.Model;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>
/// Session risk is a calibrated probability-like score: always within [0,1], and it separates: an
/// exfiltration chain scores far above a benign session of the same agent at the same time, and the
/// simulated attacks outrank benign sessions across a fleet.
/// </summary>
public sealed class RiskTests
{
    [Fact]
    public void Every_risk_and_alert_score_of_a_fleet_replay_lies_within_zero_and_one()
    {
        var fleet = Fleet.Instance;

        foreach (var model in new[] { fleet.Model, DetectorModel.Empty })
        {
            var scored = ShardRun.Replay(model, fleet.Events);

            Assert.NotEmpty(scored);
            Assert.All(scored, s => Assert.InRange(s.Risk, 0.0, 1.0));
            Assert.All(scored.SelectMany(s => s.Alerts), a => Assert.InRange(a.Score, 0.0, 1.0));
        }
    }

    [Fact]
    public void A_session_of_nothing_but_extreme_steps_saturates_at_one_without_leaving_the_range()
    {
        var triage = TriageFleet.Instance;
        var run = new ShardRun(triage.Model);

        // The attack chain ten times over in one session: evidence far beyond what calibration has seen.
        for (int round = 0; round < 10; round++)
            run.Feed(triage.Attack.Select(e => Fleet.Copy(e)).Select(e => { e.EventId += "-" + round; e.Time += TimeSpan.FromMinutes(2 * round); return e; }));

        Assert.All(run.Results, s => Assert.InRange(s.Risk, 0.0, 1.0));
        Assert.True(run.Results[^1].Risk >= run.Engine.Thresholds.Critical, $"the session ended at {run.Results[^1].Risk}");
    }

    [Fact]
    public void An_exfiltration_chain_scores_far_above_its_benign_twin()
    {
        var triage = TriageFleet.Instance;

        var attack = new ShardRun(triage.Model).Feed(triage.Attack);
        var twin = new ShardRun(triage.Model).Feed(triage.Twin);

        var thresholds = attack.Engine.Thresholds;
        double attackRisk = attack.Results.Max(s => s.Risk);
        double twinRisk = twin.Results.Max(s => s.Risk);
        Assert.True(attackRisk >= thresholds.High, $"the chain reached only {attackRisk}");
        Assert.True(twinRisk < thresholds.Low, $"the benign twin reached {twinRisk}");
        Assert.Contains(attack.Results.SelectMany(s => s.Alerts), a => a.Severity >= Severity.High);
        Assert.Empty(twin.Results.SelectMany(s => s.Alerts));
    }

    [Fact]
    public void Simulated_attack_sessions_outrank_benign_sessions_of_the_same_fleet()
    {
        var fleet = Fleet.Instance;
        var events = fleet.TestEvents();
        var scored = new ShardRun(fleet.Model).Feed(events).Results;

        var peaks = scored.Select((s, i) => (Key: events[i].SessionKey, s.Risk))
            .GroupBy(x => x.Key)
            .Select(g => (Malicious: fleet.MaliciousSessions.Contains(g.Key.Session.Value), Peak: g.Max(x => x.Risk)))
            .ToList();
        var malicious = peaks.Where(p => p.Malicious).Select(p => p.Peak).ToList();
        var benign = peaks.Where(p => !p.Malicious).Select(p => p.Peak).ToList();
        // ROC AUC as the chance a random attack session peaks above a random benign one (ties count half).
        double auc = malicious.Sum(m => benign.Sum(b => m > b ? 1.0 : m == b ? 0.5 : 0)) / ((double)malicious.Count * benign.Count);

        Assert.True(malicious.Count >= 10 && benign.Count >= 50, $"{malicious.Count} attack and {benign.Count} benign sessions");
        Assert.True(auc > 0.8, $"attack sessions outrank benign ones with ROC AUC {auc:0.000}");
    }
}
