namespace Detector.Scoring.Statistics;

/// <summary>
/// State that is checkpointed (to Kafka, to model files) as explicit little-endian bytes, so a
/// snapshot written by one build reads back in the next. Every implementation starts its bytes with
/// a type tag and a format version (<see cref="StateFormat"/>); a change to the layout bumps the
/// version and is caught by the frozen-bytes tests.
/// </summary>
public interface IBinarySerializable<TSelf>
    where TSelf : IBinarySerializable<TSelf>
{
    void Write(BinaryWriter writer);

    /// <summary>Reads what <see cref="Write"/> wrote; throws <see cref="InvalidDataException"/> on a foreign or corrupt payload.</summary>
    static abstract TSelf Read(BinaryReader reader);
}
