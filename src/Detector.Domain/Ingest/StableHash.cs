using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Detector.Domain.Ingest;

/// <summary>
/// Process-independent 64-bit hashes (XXH3) for values that are persisted or compared across
/// restarts and workers: event ids for de-duplication, argument values, sketch keys.
/// (string.GetHashCode is randomised per process, so it cannot be used for any of these.)
/// </summary>
public static class StableHash
{
    public static ulong Of(ReadOnlySpan<byte> utf8, long seed = 0) => XxHash3.HashToUInt64(utf8, seed);

    [SkipLocalsInit] // the buffer is read only as far as it is written
    public static ulong Of(string value, long seed = 0)
    {
        if (value.Length <= 256)
        {
            Span<byte> buffer = stackalloc byte[256 * 3];
            int n = Encoding.UTF8.GetBytes(value, buffer);
            return XxHash3.HashToUInt64(buffer[..n], seed);
        }
        return XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(value), seed);
    }

    /// <summary>Hashes UTF-16 text as it is in memory (little-endian); for keys derived in code, not read from bytes.</summary>
    public static ulong OfChars(ReadOnlySpan<char> text, long seed = 0) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text), seed);

    /// <summary>Combines two hashes order-sensitively (e.g. a tool with an argument name).</summary>
    public static ulong Combine(ulong a, ulong b)
    {
        Span<ulong> pair = [a, b];
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(pair));
    }
}
