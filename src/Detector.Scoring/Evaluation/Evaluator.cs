namespace Detector.Scoring.Evaluation;

/// <summary>Joins labels with the model's and the baseline's session results and computes the report.</summary>
public static class Evaluator
{
    /// <summary>The benign scenario id of sessions using a tool newly rolled out to their whole role.</summary>
    public const string RolloutScenario = "role_rollout";

    /// <summary>
    /// Malicious scenarios reported in the table but kept out of the overall figures by default:
    /// the early doses of a poisoning campaign, attacker-controlled but not the harmful step.
    /// </summary>
    public static readonly IReadOnlySet<string> DefaultApart = new HashSet<string>(StringComparer.Ordinal) { "slow_poisoning_dose" };

    /// <param name="finalPositions">Input position of each label's final event id.</param>
    /// <param name="apart">Malicious scenarios shown per scenario but left out of the overall figures.</param>
    public static EvaluationReport Evaluate(
        string modelVersion,
        IReadOnlyList<SessionLabel> labels,
        IReadOnlyDictionary<string, ScoredSession> model,
        IReadOnlyDictionary<string, ScoredSession> baseline,
        IReadOnlyDictionary<string, long> finalPositions,
        IReadOnlySet<string>? apart = null)
    {
        apart ??= DefaultApart;
        ScoredSession Lookup(IReadOnlyDictionary<string, ScoredSession> results, SessionLabel l) =>
            results.TryGetValue(l.SessionId, out var s) ? s : new ScoredSession(l.SessionId, 0, false, null);

        var finalOf = labels.ToDictionary(l => l.SessionId, l => l.FinalEventId is not null && finalPositions.TryGetValue(l.FinalEventId, out long p) ? p : (long?)null);
        bool? Early(ScoredSession s) => finalOf.GetValueOrDefault(s.SessionId) is long final ? s.FirstFlagPosition is long flag && flag < final : null;

        var benign = labels.Where(l => !l.IsMalicious).ToArray();
        var malicious = labels.Where(l => l.IsMalicious).ToArray();
        var benignModel = benign.Select(l => Lookup(model, l)).ToArray();
        var benignBaseline = benign.Select(l => Lookup(baseline, l)).ToArray();

        var scenarios = malicious.GroupBy(l => l.Scenario).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ScenarioFigures(
            g.Key, g.Count(),
            DetectorFigures.Compute(g.Select(l => Lookup(model, l)).ToArray(), benignModel, Early),
            DetectorFigures.Compute(g.Select(l => Lookup(baseline, l)).ToArray(), benignBaseline, Early))).ToArray();

        var counted = malicious.Where(l => !apart.Contains(l.Scenario)).ToArray();
        var maliciousModel = counted.Select(l => Lookup(model, l)).ToArray();
        var maliciousBaseline = counted.Select(l => Lookup(baseline, l)).ToArray();
        var rollout = benign.Where(l => l.Scenario == RolloutScenario).ToArray();
        return new EvaluationReport(
            modelVersion,
            benign.Length,
            counted.Length,
            DetectorFigures.Compute(maliciousModel, benignModel, Early),
            DetectorFigures.Compute(maliciousBaseline, benignBaseline, Early),
            PerThousand(benignModel),
            PerThousand(benignBaseline),
            rollout.Length,
            rollout.Count(l => Lookup(model, l).Flagged),
            scenarios,
            apart.Where(a => malicious.Any(l => l.Scenario == a)).Order(StringComparer.Ordinal).ToArray(),
            RankMetrics.RocCurve(maliciousModel.Select(s => s.Score).ToArray(), benignModel.Select(s => s.Score).ToArray()),
            RankMetrics.RocCurve(maliciousBaseline.Select(s => s.Score).ToArray(), benignBaseline.Select(s => s.Score).ToArray()),
            RankMetrics.PrCurve(maliciousModel.Select(s => s.Score).ToArray(), benignModel.Select(s => s.Score).ToArray()),
            RankMetrics.PrCurve(maliciousBaseline.Select(s => s.Score).ToArray(), benignBaseline.Select(s => s.Score).ToArray()));
    }

    private static double PerThousand(IReadOnlyList<ScoredSession> benign) =>
        benign.Count == 0 ? double.NaN : 1000.0 * benign.Count(s => s.Flagged) / benign.Count;
}
