namespace Detector.Scoring.Profiles;

/// <summary>
/// How often an agent introduces a never-seen value in one category, as exponentially decayed
/// counts (memory ~ <see cref="Memory"/> observations), so the estimate follows the agent's recent
/// habit rather than its noisy first days. The estimate is the Good-Turing missing mass idea
/// (Good, Biometrika 1953): the chance the next value is new is about the share of recent
/// observations that were new; add-half smoothing keeps it off 0 and 1.
/// </summary>
public struct NoveltyRate
{
    /// <summary>The memory of an agent's habits: recent enough to follow change, long enough to be stable.</summary>
    public const double Memory = 500;

    /// <summary>The memory of rare events (expired credentials): their rate needs many observations to resolve.</summary>
    public const double RareMemory = 100_000;

    public double Observations;
    public double Novel;

    public readonly double PNew => (Novel + 0.5) / (Observations + 1);

    public void Observe(bool isNew, double memory = Memory)
    {
        double decay = 1 - 1 / memory;
        Observations = Observations * decay + 1;
        Novel = Novel * decay + (isNew ? 1 : 0);
    }

    public readonly void Write(BinaryWriter w)
    {
        w.Write(Observations);
        w.Write(Novel);
    }

    public static NoveltyRate Read(BinaryReader r) => new() { Observations = r.ReadDouble(), Novel = r.ReadDouble() };
}
