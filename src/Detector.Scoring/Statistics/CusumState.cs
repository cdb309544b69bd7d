namespace Detector.Scoring.Statistics;

/// <summary>
/// Per-series state of a <see cref="SelfStartingCusum"/>: 40 bytes, held inline in the owner's
/// per-agent state. The detector's settings live once in the <see cref="SelfStartingCusum"/>.
/// </summary>
public struct CusumState : IBinarySerializable<CusumState>
{
    private const byte FormatVersion = 1;

    /// <summary>Observations in the running estimates since the last reset, capped at the detector's memory.</summary>
    internal int Count;
    internal double Mean;

    /// <summary>Running population variance (divide by n, not n - 1).</summary>
    internal double Variance;
    internal double Upper;
    internal double Lower;

    public readonly void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.CusumState, FormatVersion);
        writer.Write(Count);
        writer.Write(Mean);
        writer.Write(Variance);
        writer.Write(Upper);
        writer.Write(Lower);
    }

    public static CusumState Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.CusumState, FormatVersion);
        return new CusumState
        {
            Count = StateFormat.ReadInt32(reader, "count", 0, int.MaxValue),
            Mean = StateFormat.ReadDouble(reader, "mean"),
            Variance = StateFormat.ReadDouble(reader, "variance", 0),
            Upper = StateFormat.ReadDouble(reader, "upper sum", 0),
            Lower = StateFormat.ReadDouble(reader, "lower sum", 0),
        };
    }
}
