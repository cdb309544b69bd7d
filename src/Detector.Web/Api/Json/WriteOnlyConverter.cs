using System.Text.Json;
using System.Text.Json.Serialization;

namespace Detector.Web.Api.Json;

/// <summary>Base of the API's output converters: the API reads only its own small request records.</summary>
internal abstract class WriteOnlyConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is not read from JSON by the API");
}
