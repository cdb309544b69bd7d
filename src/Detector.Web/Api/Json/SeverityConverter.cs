using System.Text.Json;
using Detector.Domain.Outputs;

namespace Detector.Web.Api.Json;

/// <summary>The contract's wire names (low, medium, ...).</summary>
internal sealed class SeverityConverter : WriteOnlyConverter<Severity>
{
    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) => writer.WriteStringValue(value.WireName());
}
