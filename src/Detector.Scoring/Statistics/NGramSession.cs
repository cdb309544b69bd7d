namespace Detector.Scoring.Statistics;

/// <summary>
/// Per-session state for an <see cref="NGramModel"/>: the last two symbols (the context) and the
/// running log-likelihood of what was appended. 24 bytes, held inline in the session's state;
/// <c>default</c> is a session that has not started (context: start of session).
/// </summary>
public struct NGramSession : IBinarySerializable<NGramSession>
{
    private const byte FormatVersion = 1;

    // Stored offset so that default means "start of session": _previous is symbol + 1 (0 = start),
    // _older is symbol + 2 (0 = nothing, 1 = start).
    private int _previous;
    private int _older;
    private double _logLikelihood;
    private int _length;

    /// <summary>Symbols appended so far.</summary>
    public readonly int Length => _length;

    /// <summary>Sum of log2 P over the appended symbols (0 or negative).</summary>
    public readonly double LogLikelihood => _logLikelihood;

    /// <summary>Log-likelihood per symbol in bits (0 before the first): comparable across sessions of any length.</summary>
    public readonly double MeanLogLikelihood => _length == 0 ? 0 : _logLikelihood / _length;

    /// <summary>The last symbol, or <see cref="NGramModel.StartSymbol"/> before the first.</summary>
    internal readonly int Previous => _previous == 0 ? NGramModel.StartSymbol : _previous - 1;

    /// <summary>The symbol before the last: <see cref="NGramModel.StartSymbol"/> after the first symbol, -1 before it.</summary>
    internal readonly int Older => _older switch
    {
        0 => -1,
        1 => NGramModel.StartSymbol,
        _ => _older - 2,
    };

    /// <summary>
    /// Moves the context on by <paramref name="symbol"/> and adds log2 of the probability the model gave
    /// it (from <see cref="NGramModel.Predict"/>; non-positive probabilities are not added).
    /// </summary>
    public void Append(int symbol, double probability)
    {
        if ((uint)symbol >= NGramModel.StartSymbol)
            Guard.Throw(nameof(symbol), "symbol must lie in [0, 1022]");
        _older = _previous + 1;
        _previous = symbol + 1;
        if (probability > 0)
            _logLikelihood += Math.Log2(Math.Min(probability, 1));
        _length++;
    }

    public readonly void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.NGramSession, FormatVersion);
        writer.Write(_previous);
        writer.Write(_older);
        writer.Write(_logLikelihood);
        writer.Write(_length);
    }

    public static NGramSession Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.NGramSession, FormatVersion);
        var session = new NGramSession
        {
            _previous = StateFormat.ReadInt32(reader, "previous symbol", 0, NGramModel.StartSymbol),
            _older = StateFormat.ReadInt32(reader, "older symbol", 0, NGramModel.StartSymbol + 1),
            _logLikelihood = StateFormat.ReadDouble(reader, "log-likelihood", double.MinValue, 0),
            _length = StateFormat.ReadInt32(reader, "length", 0, int.MaxValue),
        };
        return session;
    }
}
