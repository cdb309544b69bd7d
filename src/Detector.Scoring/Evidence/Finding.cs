namespace Detector.Scoring.Evidence;

/// <summary>
/// One detector's evidence about one event. <see cref="PValue"/> is the chance of evidence at least
/// this strong from the agent's benign behaviour (small = surprising). <see cref="Subject"/>,
/// <see cref="Observed"/>, <see cref="Expected"/> and <see cref="Basis"/> feed the explanation;
/// nothing is formatted unless an alert is raised.
/// </summary>
public readonly record struct Finding(
    EvidenceKind Kind,
    double PValue,
    string? Subject,
    double Observed,
    double Expected,
    double Basis,
    FindingScope Scope = FindingScope.Agent);

/// <summary>Which baseline a finding was measured against.</summary>
public enum FindingScope : byte
{
    Agent = 0,
    PeerGroup = 1,
    Fleet = 2,
    Session = 3,
}
