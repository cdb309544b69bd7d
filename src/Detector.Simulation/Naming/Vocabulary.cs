namespace Detector.Simulation.Naming;

/// <summary>Connective words mixed into every role's free text so messages read as sentences.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Connectives =
    [
        "the", "for", "on", "after", "with", "from", "and", "to", "in", "before", "per", "via", "please", "check", "see",
        "update", "note", "again", "today", "latest",
    ];
}
