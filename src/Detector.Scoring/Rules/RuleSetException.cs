namespace Detector.Scoring.Rules;

/// <summary>A rule file that cannot be used; the message names the file, the rule, the key and the line.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException(string message)
        : base(message)
    {
    }

    public RuleSetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
