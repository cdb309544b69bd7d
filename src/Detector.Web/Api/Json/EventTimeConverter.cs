using System.Text.Json;
using Detector.Domain.Time;

namespace Detector.Web.Api.Json;

/// <summary>RFC 3339 in UTC, as in every output contract.</summary>
internal sealed class EventTimeConverter : WriteOnlyConverter<EventTime>
{
    public override void Write(Utf8JsonWriter writer, EventTime value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[Rfc3339.MaxFormattedLength];
        writer.WriteStringValue(buffer[..Rfc3339.Format(value, buffer)]);
    }
}
