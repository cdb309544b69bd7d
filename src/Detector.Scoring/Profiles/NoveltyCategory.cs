namespace Detector.Scoring.Profiles;

/// <summary>The value families first-seen novelty is tracked for. Persisted order: never renumber.</summary>
public enum NoveltyCategory : byte
{
    Tool = 0,
    ResourcePattern = 1,
    /// <summary>Destinations of transfers, kept apart: a new one there matters far more than on a read.</summary>
    TransferDestination = 2,
    OtherDestination = 3,
    Tenant = 4,
    ArgumentValue = 5,
    /// <summary>The organisation a destination belongs to (e-mail domain, URL host, bank), see <see cref="DestinationDomain"/>.</summary>
    DestinationDomain = 6,
}
