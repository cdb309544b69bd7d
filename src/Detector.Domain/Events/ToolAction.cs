namespace Detector.Domain.Events;

/// <summary>What a tool invocation does. Numeric values are persisted in model files: never renumber.</summary>
public enum ToolAction : byte
{
    Unknown = 0,
    /// <summary>Reads data.</summary>
    Read = 1,
    /// <summary>Changes data.</summary>
    Write = 2,
    /// <summary>Acts (runs something).</summary>
    Execute = 3,
    /// <summary>Moves data or money to a destination.</summary>
    Transfer = 4,
    /// <summary>Changes permissions or credentials.</summary>
    Privilege = 5,
}
