namespace Detector.Domain.Identity;

/// <summary>One task or run of an agent: the unit security teams govern.</summary>
public readonly record struct SessionId(string Value)
{
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    public override string ToString() => Value ?? "";
}
