using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;

namespace Detector.Web.Api.Json;

/// <summary>Quarantine signals appear as the CloudEvents contract (docs/schemas/quarantine-signal.schema.json).</summary>
internal sealed class SignalConverter : WriteOnlyConverter<QuarantineSignal>
{
    public override void Write(Utf8JsonWriter writer, QuarantineSignal value, JsonSerializerOptions options) => ContractJson.WriteSignal(writer, value);
}
