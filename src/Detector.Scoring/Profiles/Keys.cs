using Detector.Domain.Ingest;

namespace Detector.Scoring.Profiles;

/// <summary>The one way the engine turns names (tools, destinations, tenants) into stable 64-bit keys.</summary>
public static class Keys
{
    public static ulong Of(string value) => StableHash.OfChars(value);

    public static ulong Of(string first, string second) => StableHash.Combine(StableHash.OfChars(first), StableHash.OfChars(second));
}
