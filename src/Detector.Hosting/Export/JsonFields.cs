using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Detector.Hosting.Export;

/// <summary>Typed reads of a JSON object's fields that fail softly: a history line of the wrong shape is a bad line, not a crash.</summary>
internal static class JsonFields
{
    public static bool TryString(JsonElement o, string name, [NotNullWhen(true)] out string? value)
    {
        value = o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return !string.IsNullOrEmpty(value);
    }

    public static bool TryNumber(JsonElement o, string name, out double value)
    {
        value = 0;
        return o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out value);
    }

    public static bool TryInt(JsonElement o, string name, out int value)
    {
        value = 0;
        return o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value) && value >= 0;
    }
}
