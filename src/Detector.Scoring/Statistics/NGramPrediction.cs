namespace Detector.Scoring.Statistics;

/// <summary>
/// What an <see cref="NGramModel"/> made of the symbol that actually came next: its smoothed
/// probability and its rank among all symbols (1 = the most likely; ties share the better rank).
/// DeepLog flags a step whose rank is above g (Du et al., CCS 2017).
/// </summary>
public readonly record struct NGramPrediction(double Probability, int Rank);
