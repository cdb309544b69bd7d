using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;

namespace Detector.Web.Api.Json;

/// <summary>Alerts appear in the API exactly as in the alert contract (docs/schemas/alert.schema.json).</summary>
internal sealed class AlertConverter : WriteOnlyConverter<Alert>
{
    public override void Write(Utf8JsonWriter writer, Alert value, JsonSerializerOptions options) => ContractJson.WriteAlert(writer, value);
}
