using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Detector.Scoring.Statistics;

/// <summary>Constructor checks: run once, so the messages can be specific; throwing lives here so callers stay small.</summary>
internal static class Guard
{
    public static void InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
            Throw(name, string.Format(CultureInfo.InvariantCulture, "{0} must lie in [{1}, {2}] but was {3}", name, min, max, value));
    }

    public static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            Throw(name, string.Format(CultureInfo.InvariantCulture, "{0} must lie in [{1}, {2}] but was {3}", name, min, max, value));
    }

    public static void PowerOfTwo(int value, string name)
    {
        if (value <= 0 || !BitOperations.IsPow2(value))
            Throw(name, string.Format(CultureInfo.InvariantCulture, "{0} must be a power of two but was {1}", name, value));
    }

    [DoesNotReturn]
    public static void Throw(string name, string message) => throw new ArgumentOutOfRangeException(name, message);
}
