using Detector.Scoring.Statistics;

namespace Detector.Scoring.Profiles;

/// <summary>
/// An agent's (or a peer group's) tool-transition model: a bigram model over its own symbol table,
/// plus the running distribution of per-step surprise (bits) that calibrates session likelihoods.
/// </summary>
public sealed class SequenceBaseline
{
    public SequenceBaseline(int alphabetSize, int capacity)
    {
        Symbols = new SymbolTable(alphabetSize);
        Model = new NGramModel(alphabetSize, order: 1, capacity);
    }

    private SequenceBaseline(SymbolTable symbols, NGramModel model)
    {
        Symbols = symbols;
        Model = model;
    }

    public SymbolTable Symbols { get; }

    public NGramModel Model { get; }

    /// <summary>Decayed mean and mean square of the surprise (-log2 P) of observed steps.</summary>
    public double SurpriseMean { get; private set; }

    public double SurpriseSquare { get; private set; }

    public double SurpriseWeight { get; private set; }

    public double SurpriseStdDev => Math.Sqrt(Math.Max(SurpriseSquare - SurpriseMean * SurpriseMean, 0.25));

    /// <summary>
    /// Finished sessions' mean surprise (bits per step): steps within a session are far from
    /// independent (one unusual workflow makes every step surprising), so sessions are judged
    /// against other sessions, not against the per-step spread.
    /// </summary>
    public LogStats SessionSurprise;

    public void ObserveSurprise(double bits)
    {
        const double decay = 1 - 1 / 1000.0;
        SurpriseWeight = SurpriseWeight * decay + 1;
        double a = 1 / SurpriseWeight;
        SurpriseMean += a * (bits - SurpriseMean);
        SurpriseSquare += a * (bits * bits - SurpriseSquare);
    }

    public void Write(BinaryWriter w)
    {
        w.Write((byte)1);
        Symbols.Write(w);
        Model.Write(w);
        w.Write(SurpriseMean);
        w.Write(SurpriseSquare);
        w.Write(SurpriseWeight);
        SessionSurprise.Write(w);
    }

    public static SequenceBaseline Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version != 1)
            throw new InvalidDataException($"sequence baseline format {version} is not supported");
        var b = new SequenceBaseline(SymbolTable.Read(r), NGramModel.Read(r))
        {
            SurpriseMean = r.ReadDouble(),
            SurpriseSquare = r.ReadDouble(),
            SurpriseWeight = r.ReadDouble(),
            SessionSurprise = LogStats.Read(r),
        };
        return b;
    }
}
