using System.Text.Json;
using Detector.Domain.Identity;

namespace Detector.Web.Api.Json;

internal sealed class AgentIdConverter : WriteOnlyConverter<AgentId>
{
    public override void Write(Utf8JsonWriter writer, AgentId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
