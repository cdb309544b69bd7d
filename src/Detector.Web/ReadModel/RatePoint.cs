using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// One hour of an agent's activity and its normal band for that hour of day (null until the hour of
/// day has been seen on two days).
/// </summary>
public sealed record RatePoint(EventTime Hour, int Events, double? Expected, double? Low, double? High);
