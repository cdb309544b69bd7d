namespace Detector.Simulation.Output;

/// <summary>
/// A serialised line waiting in <see cref="OrderedEventSink"/>: where it goes in the file (emission
/// time, then generation order, so ties stay deterministic) and where its bytes are in the arena.
/// </summary>
internal readonly record struct HeldLine(long EmitTicks, long Sequence, int Offset, int Length) : IComparable<HeldLine>
{
    public int CompareTo(HeldLine other)
    {
        int c = EmitTicks.CompareTo(other.EmitTicks);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
