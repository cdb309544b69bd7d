using System.Buffers;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Output;

/// <summary>
/// Puts garbled lines before real ones, for pipeline demos (dead letters, reject counters). It draws
/// from its own random stream and only adds lines, so the real lines are exactly those of a clean run.
/// </summary>
internal sealed class NoiseInjector
{
    private static readonly NoiseKind[] Kinds = Enum.GetValues<NoiseKind>();

    private readonly Rng _rng;
    private readonly double _chancePerLine;

    /// <param name="share">Target share of noise among all lines written.</param>
    public NoiseInjector(Rng rng, double share)
    {
        _rng = rng;
        _chancePerLine = share / (1 - share);
    }

    public long Lines { get; private set; }

    public void BeforeLine(ReadOnlySpan<byte> line, IBufferWriter<byte> output)
    {
        if (!_rng.Chance(_chancePerLine))
            return;
        NoiseKind kind;
        do
        {
            kind = Kinds[_rng.Below(Kinds.Length)];
        }
        while (!LineCorruptor.Applies(line, kind));
        output.Write(LineCorruptor.Corrupt(line, kind, _rng));
        output.Write("\n"u8);
        Lines++;
    }
}
