namespace Detector.Domain.Events;

/// <summary>
/// One top-level entry of an event's <c>arguments</c> object. Scorers compare values by
/// <see cref="ValueHash"/> (stable across processes); <see cref="Text"/> keeps short scalars for
/// explanations and is null for long strings, objects and arrays.
/// </summary>
public readonly record struct Argument(string Name, ArgumentKind Kind, ulong ValueHash, string? Text);
