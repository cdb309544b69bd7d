using System.Text.RegularExpressions;

namespace Detector.Scoring.Profiles;

/// <summary>Maps agent ids matching <see cref="Pattern"/> to a peer group (role).</summary>
public sealed class PeerGroupRule
{
    /// <summary>A .NET regular expression over the agent id; a named capture "group" supplies the group name.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The group name when the pattern has no "group" capture.</summary>
    public string? Group { get; set; }

    internal Regex Compiled => _compiled ??= new Regex(Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(50));

    private Regex? _compiled;

    public void Validate()
    {
        _ = Compiled;
        if (Group is null && Array.IndexOf(Compiled.GetGroupNames(), "group") < 0)
            throw new ArgumentException($"peer group rule '{Pattern}' needs a Group or a named capture (?<group>...)");
    }

    public bool TryMatch(string agentId, out string group)
    {
        var m = Compiled.Match(agentId);
        group = m.Success ? (m.Groups["group"] is { Success: true } g ? g.Value : Group!) : "";
        return m.Success;
    }
}
