using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Articles;

/// <summary>
/// Exact and near-duplicate fingerprints of article text. Exact: SHA-256 of the normalised text.
/// Near: a MinHash signature over word 3-shingles, indexed by locality-sensitive hashing (LSH) bands.
/// </summary>
/// <remarks>
/// SimHash was measured first and rejected: on 300-word news texts with ten words changed its distance spread
/// over the range that unrelated articles reach. MinHash estimates the Jaccard similarity of the shingle sets
/// directly, so "the same wire story with a few words edited" (similarity about 0.8) and "another article"
/// (about 0.05) are far apart.
/// </remarks>
public static class ArticleFingerprint
{
    public const int SignatureSize = BandCount * RowsPerBand;
    public const int BandCount = 16;
    public const int RowsPerBand = 4;

    /// <summary>Estimated Jaccard similarity of 3-shingles at or above which two texts report the same story.</summary>
    public const double NearDuplicateSimilarity = 0.5;

    private const int ShingleWords = 3;

    /// <summary>Lower case, letters and digits only, single spaces: what makes two copies "the same text".</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static string ContentHash(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));

    /// <summary>The MinHash signature of the text's word 3-shingles (<see cref="SignatureSize"/> values).</summary>
    public static uint[] MinHash(string normalizedText)
    {
        var signature = new uint[SignatureSize];
        Array.Fill(signature, uint.MaxValue);
        var words = normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return signature;
        }

        var shingles = Math.Max(1, words.Length - ShingleWords + 1);
        for (var i = 0; i < shingles; i++)
        {
            var shingle = string.Join(' ', words, i, Math.Min(ShingleWords, words.Length - i));
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle));
            for (var k = 0; k < SignatureSize; k++)
            {
                var value = Permute(hash, k);
                if (value < signature[k])
                {
                    signature[k] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>Share of equal signature positions: an estimate of the Jaccard similarity.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < SignatureSize; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return (double)equal / SignatureSize;
    }

    /// <summary>
    /// One key per LSH band (band number mixed in). Texts with similarity 0.8 share a key with probability
    /// above 0.999; texts with similarity 0.1 almost never do. Stores index these keys to find candidates.
    /// </summary>
    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[BandCount];
        Span<byte> buffer = stackalloc byte[(RowsPerBand + 1) * sizeof(uint)];
        for (var band = 0; band < BandCount; band++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)band);
            for (var row = 0; row < RowsPerBand; row++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(buffer[((row + 1) * sizeof(uint))..], signature[(band * RowsPerBand) + row]);
            }

            keys[band] = unchecked((long)XxHash64.HashToUInt64(buffer));
        }

        return keys;
    }

    public static byte[] ToBytes(uint[] signature) => MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    public static uint[] FromBytes(ReadOnlySpan<byte> bytes) => MemoryMarshal.Cast<byte, uint>(bytes).ToArray();

    // A cheap family of hash functions: one 64-bit hash per shingle, re-mixed with a per-position odd multiplier.
    private static uint Permute(ulong hash, int k)
    {
        var x = hash ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1));
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return (uint)x;
    }
}
