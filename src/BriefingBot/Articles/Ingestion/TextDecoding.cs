using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Articles.Ingestion;

/// <summary>Bytes to text: byte-order marks, declared charsets, UTF-8, and recognising binary data.</summary>
public static partial class TextDecoding
{
    /// <summary>Accented letters of a Latin-1 text stay well under this share of its characters.</summary>
    private const double MaxInvalidShare = 0.3;

    /// <summary>Text has next to no control characters besides line breaks and tabs; binary data has many.</summary>
    private const double MaxControlShare = 0.01;

    private static readonly UTF8Encoding ReplacingUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A text file's content, or null when the bytes are binary (NUL bytes, many control characters, or mostly invalid UTF-8).</summary>
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

        var text = ReplacingUtf8.GetString(bytes);
        var invalid = text.Count(c => c == '\uFFFD');
        if (invalid > 0)
        {
            // Some invalid UTF-8 is an old single-byte (Latin-1) file; a lot of it is binary data.
            if ((double)invalid / Math.Max(1, text.Length) > MaxInvalidShare)
            {
                return null;
            }

            text = Encoding.Latin1.GetString(bytes);
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return (double)controls / Math.Max(1, text.Length) > MaxControlShare ? null : text;
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
