using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Detector.Web.Api.Json;

/// <summary>The API's JSON: snake_case like the contracts, contract writers for alerts and signals, wire names for enums.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters =
        {
            new EventTimeConverter(),
            new AgentIdConverter(),
            new SessionIdConverter(),
            new SeverityConverter(),
            new AlertConverter(),
            new SignalConverter(),
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
        },
    };
}
