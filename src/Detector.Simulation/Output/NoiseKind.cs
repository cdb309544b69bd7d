namespace Detector.Simulation.Output;

/// <summary>Ways a collector garbles a line; each makes the event parser reject it.</summary>
internal enum NoiseKind : byte
{
    Truncated = 0,
    NotObject = 1,
    MissingField = 2,
    EmptyTool = 3,
    BadTime = 4,
    WrongType = 5,
    DuplicateField = 6,
    InvalidUtf8 = 7,
    UnknownOutcome = 8,
    NegativeBytes = 9,
}
