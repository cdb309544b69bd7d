namespace Detector.Domain.Identity;

/// <summary>A non-human identity, typically a SPIFFE ID such as spiffe://corp.example/agent/triage.</summary>
public readonly record struct AgentId(string Value)
{
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    public override string ToString() => Value ?? "";
}
