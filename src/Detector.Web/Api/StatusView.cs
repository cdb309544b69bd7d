using Detector.Domain.Time;

namespace Detector.Web.Api;

/// <summary>The detector's health as the dashboard shows it.</summary>
public sealed record StatusView(
    EventTime Watermark,
    long Events,
    long ReadModelDropped,
    IReadOnlyList<BreakerView> CircuitBreakers,
    long InfluxWritten,
    long InfluxDropped,
    long SuppressedAlerts,
    long SuppressedSignals,
    string? ActiveModel,
    string? ShadowModel);

