namespace Detector.Web.ReadModel;

/// <summary>How often one tool or destination was used, and its share of the agent's events.</summary>
public sealed record CountShare(string Name, long Count, double Share);
