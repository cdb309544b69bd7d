namespace Detector.Scoring.Evaluation;

/// <summary>Ranking metrics from scores of positives (malicious) and negatives (benign).</summary>
public static class RankMetrics
{
    /// <summary>
    /// ROC AUC as the Mann-Whitney statistic: the chance a random positive outscores a random negative,
    /// ties counting half (Hanley and McNeil, Radiology 1982). NaN without both classes.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
            return double.NaN;
        var all = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false)))
            .OrderBy(x => x.Score).ToArray();
        double rankSum = 0;
        int i = 0;
        while (i < all.Length)
        {
            int j = i;
            while (j + 1 < all.Length && all[j + 1].Score == all[i].Score)
                j++;
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
            {
                if (all[k].Positive)
                    rankSum += midRank;
            }
            i = j + 1;
        }
        double n1 = positives.Count, n0 = negatives.Count;
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0);
    }

    /// <summary>
    /// Recall at a false-positive rate: the share of positives scoring strictly above the benign score
    /// that at most <paramref name="fpr"/> of negatives exceed.
    /// </summary>
    public static double RecallAtFpr(IReadOnlyList<double> positives, IReadOnlyList<double> negatives, double fpr)
    {
        if (positives.Count == 0 || negatives.Count == 0)
            return double.NaN;
        var sorted = negatives.OrderByDescending(s => s).ToArray();
        int allowed = (int)Math.Floor(fpr * sorted.Length);
        double threshold = sorted[Math.Min(allowed, sorted.Length - 1)];
        return positives.Count(s => s > threshold) / (double)positives.Count;
    }

    /// <summary>Points of the ROC curve (FPR, TPR) at every distinct threshold, from (0,0) to (1,1).</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> RocCurve(IReadOnlyList<double> positives, IReadOnlyList<double> negatives) =>
        Curve(positives, negatives, (tp, fp) => (fp / (double)negatives.Count, tp / (double)positives.Count), (0, 0));

    /// <summary>Points of the precision-recall curve (recall, precision) at every distinct threshold.</summary>
    public static IReadOnlyList<(double Recall, double Precision)> PrCurve(IReadOnlyList<double> positives, IReadOnlyList<double> negatives) =>
        Curve(positives, negatives, (tp, fp) => (tp / (double)positives.Count, tp + fp == 0 ? 1 : tp / (double)(tp + fp)), (0, 1));

    private static List<(double, double)> Curve(IReadOnlyList<double> positives, IReadOnlyList<double> negatives, Func<int, int, (double, double)> point, (double, double) start)
    {
        var points = new List<(double, double)> { start };
        if (positives.Count == 0 || negatives.Count == 0)
            return points;
        var all = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false)))
            .OrderByDescending(x => x.Score).ToArray();
        int tp = 0, fp = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Positive)
                tp++;
            else
                fp++;
            if (i + 1 == all.Length || all[i + 1].Score != all[i].Score)
                points.Add(point(tp, fp));
        }
        return points;
    }
}
