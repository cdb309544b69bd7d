namespace Detector.Pipeline.Stages;

/// <summary>What happened to one input record.</summary>
public enum Disposition : byte
{
    /// <summary>Parsed, admitted and scored.</summary>
    Applied = 0,
    /// <summary>Dead-lettered with a reason.</summary>
    Rejected = 1,
    /// <summary>A redelivery of an applied event: dropped and counted.</summary>
    Duplicate = 2,
}
