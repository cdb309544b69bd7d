using System.Globalization;

namespace Detector.Pipeline.Tests.Support;

/// <summary>RFC 3339 text for event times in test input.</summary>
internal static class Stamp
{
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static string Of(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
