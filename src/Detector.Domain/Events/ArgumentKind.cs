namespace Detector.Domain.Events;

/// <summary>JSON kind of an argument value. Values are persisted: never renumber.</summary>
public enum ArgumentKind : byte
{
    Null = 0,
    String = 1,
    Number = 2,
    Boolean = 3,
    Object = 4,
    Array = 5,
}
