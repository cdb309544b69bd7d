using System.Text.Json;
using Detector.Domain.Identity;

namespace Detector.Web.Api.Json;

internal sealed class SessionIdConverter : WriteOnlyConverter<SessionId>
{
    public override void Write(Utf8JsonWriter writer, SessionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
