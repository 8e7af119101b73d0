using System.IO.Hashing;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Articles;

/// <summary>Exact and near-duplicate fingerprints of article text.</summary>
public static class ArticleFingerprint
{
    /// <summary>Two texts whose 64-bit SimHashes differ in at most this many bits report the same story.</summary>
    public const int NearDuplicateDistance = 3;

    /// <summary>
    /// The SimHash split into 4 bands of 16 bits. By the pigeonhole principle, two hashes within
    /// <see cref="NearDuplicateDistance"/> bits share at least one band exactly, so stores index the bands.
    /// </summary>
    public static int[] Bands(ulong simHash) =>
        [(int)(simHash & 0xFFFF), (int)((simHash >> 16) & 0xFFFF), (int)((simHash >> 32) & 0xFFFF), (int)((simHash >> 48) & 0xFFFF)];

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

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

    /// <summary>Charikar SimHash over word 3-shingles of the normalised text.</summary>
    public static ulong SimHash(string normalizedText)
    {
        var words = normalizedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, words.Length - 2);
        for (var i = 0; i < shingles; i++)
        {
            var shingle = string.Join(' ', words, i, Math.Min(3, words.Length - i));
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    /// <summary>SimHash as a signed 64-bit value, for databases without unsigned integers.</summary>
    public static long ToSigned(ulong simHash) => unchecked((long)simHash);

    public static ulong FromSigned(long stored) => unchecked((ulong)stored);
}
