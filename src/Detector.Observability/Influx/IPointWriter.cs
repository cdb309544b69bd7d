namespace Detector.Observability.Influx;

/// <summary>Takes time-series points without waiting; false when the point was dropped (and counted).</summary>
public interface IPointWriter
{
    bool TryWrite(LinePoint point);
}
