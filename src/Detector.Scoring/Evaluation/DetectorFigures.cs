namespace Detector.Scoring.Evaluation;

/// <summary>One detector's figures on one slice of sessions (a scenario against all benign sessions, or everything).</summary>
public sealed record DetectorFigures(double Precision, double Recall, double F1, double RocAuc, double RecallAt1PctFpr, double? EarlyShare)
{
    /// <param name="flaggedEarly">Whether a chain was flagged before its final step; null for a session that is no chain (its label names no final event).</param>
    public static DetectorFigures Compute(IReadOnlyList<ScoredSession> malicious, IReadOnlyList<ScoredSession> benign, Func<ScoredSession, bool?> flaggedEarly)
    {
        int tp = malicious.Count(s => s.Flagged);
        int fp = benign.Count(s => s.Flagged);
        double precision = tp + fp == 0 ? double.NaN : tp / (double)(tp + fp);
        double recall = malicious.Count == 0 ? double.NaN : tp / (double)malicious.Count;
        double f1 = precision + recall is > 0 and var sum ? 2 * precision * recall / sum : 0;
        var positives = malicious.Select(s => s.Score).ToArray();
        var negatives = benign.Select(s => s.Score).ToArray();
        var chains = malicious.Select(flaggedEarly).Where(e => e is not null).ToArray();
        double? early = chains.Length == 0 ? null : chains.Count(e => e == true) / (double)chains.Length;
        return new DetectorFigures(precision, recall, f1, RankMetrics.RocAuc(positives, negatives), RankMetrics.RecallAtFpr(positives, negatives, 0.01), early);
    }
}
