using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Detector.Domain.Outputs;

/// <summary>
/// Ids derived from their cause (XXH128 of the parts, formatted as a UUID with the version nibble 8,
/// RFC 9562 "custom"), so redelivered input yields the same alert and signal ids on any worker.
/// </summary>
public static class DeterministicId
{
    public static string Create(params ReadOnlySpan<string> parts)
    {
        var hasher = new XxHash128();
        Span<byte> separator = [0];
        byte[] rented = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            foreach (string part in parts)
            {
                int max = Encoding.UTF8.GetMaxByteCount(part.Length);
                if (max > rented.Length)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = ArrayPool<byte>.Shared.Rent(max);
                }
                int n = Encoding.UTF8.GetBytes(part, rented);
                hasher.Append(rented.AsSpan(0, n));
                hasher.Append(separator);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        Span<byte> hash = stackalloc byte[16];
        hasher.GetCurrentHash(hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(hash);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
