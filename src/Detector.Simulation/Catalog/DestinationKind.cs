namespace Detector.Simulation.Catalog;

/// <summary>The form of a tool's destination. Benign and attack destinations of one kind come from one generator.</summary>
internal enum DestinationKind : byte
{
    None = 0,
    Channel = 1,
    Email = 2,
    Host = 3,
    Webhook = 4,
    Account = 5,
    /// <summary>Another agent's SPIFFE ID (delegation).</summary>
    Agent = 6,
}
