using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Articles.Ingestion;

/// <summary>Bytes to text: byte-order marks, declared charsets, UTF-8, and recognising binary data.</summary>
public static partial class TextDecoding
{
    /// <summary>More invalid UTF-8 than this share of the characters means the bytes are not UTF-8 text.</summary>
    private const double MaxInvalidShare = 0.02;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A text file's content, or null when the bytes are binary (NUL bytes, or mostly invalid UTF-8).</summary>
    public static string? DecodeText(byte[] bytes)
    {
        if (TryBom(bytes) is { } withBom)
        {
            return withBom;
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            return null;
        }

        var text = StrictUtf8.GetString(bytes);
        var invalid = text.Count(c => c == '\uFFFD');
        if (invalid == 0)
        {
            return text;
        }

        // A few stray bytes are an old single-byte file rather than binary data.
        return (double)invalid / Math.Max(1, text.Length) > MaxInvalidShare ? null : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>A web page: the BOM, else the header's charset, else a meta charset, else UTF-8.</summary>
    public static string DecodePage(byte[] bytes, string? headerCharset)
    {
        if (TryBom(bytes) is { } withBom)
        {
            return withBom;
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var meta = MetaCharset().Match(head);
        var charset = headerCharset ?? (meta.Success ? meta.Groups[1].Value : null);
        return Find(charset?.Trim('"', '\'')).GetString(bytes);
    }

    private static Encoding Find(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static string? TryBom(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        return null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
