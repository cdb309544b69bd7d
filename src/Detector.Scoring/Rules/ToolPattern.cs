namespace Detector.Scoring.Rules;

/// <summary>Tool names a rule step accepts: exact names and globs (<c>iam.*</c>), any of which may match.</summary>
internal sealed class ToolPattern(string[] patterns)
{
    private readonly string[] _patterns = patterns;

    public bool Matches(string tool)
    {
        foreach (string p in _patterns)
        {
            if (Glob.IsMatch(p, tool))
                return true;
        }
        return false;
    }

    public override string ToString() => string.Join(" or ", _patterns);
}
