using System.Text;
using Detector.Domain.Ingest;

namespace Detector.Domain.Events;

/// <summary>
/// A text field of a reused event that the parser fills with UTF-8 and that becomes a string only
/// when read. Values that are one-off per event (event ids, resource paths with ids in them) are
/// mostly hashed, rarely cited, so keeping their bytes saves a string per event.
/// </summary>
public sealed class Utf8Field
{
    private byte[] _utf8 = [];
    private int _length;
    private string? _text;
    private bool _pending;

    /// <summary>The value as a string, or null when absent; made from the UTF-8 on first read.</summary>
    public string? Text
    {
        get
        {
            if (_pending)
            {
                _text = Encoding.UTF8.GetString(_utf8, 0, _length);
                _pending = false;
            }
            return _text;
        }
        set
        {
            _text = value;
            _pending = false;
        }
    }

    public bool IsNull => !_pending && _text is null;

    /// <summary>Sets the value from UTF-8 (copied into a buffer this field reuses).</summary>
    public void SetUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_utf8.Length < utf8.Length)
            _utf8 = new byte[Math.Max(utf8.Length, 64)];
        utf8.CopyTo(_utf8);
        _length = utf8.Length;
        _text = null;
        _pending = true;
    }

    /// <summary><see cref="StableHash.Of(string, long)"/> of the value, without making it a string; 0 when absent.</summary>
    public ulong Hash(long seed = 0) =>
        _pending ? StableHash.Of(_utf8.AsSpan(0, _length), seed) : _text is null ? 0 : StableHash.Of(_text, seed);

    /// <summary>
    /// The value's characters: the string's own, or decoded into <paramref name="buffer"/>; a value that
    /// does not fit is made a string instead. Empty when absent.
    /// </summary>
    public ReadOnlySpan<char> Chars(Span<char> buffer)
    {
        if (_pending && Encoding.UTF8.GetMaxCharCount(_length) <= buffer.Length)
            return buffer[..Encoding.UTF8.GetChars(_utf8.AsSpan(0, _length), buffer)];
        return Text;
    }
}
