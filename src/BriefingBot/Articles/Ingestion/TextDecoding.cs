using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// Bytes to text: byte-order marks, declared charsets (HTTP header, XML prolog, HTML meta), UTF-8, and recognising binary
/// data. The code-page encodings (windows-1252, Shift_JIS, ...) come from <see cref="CodePagesEncodingProvider"/>,
/// registered once here so that <see cref="Encoding.GetEncoding(string)"/> and the XML readers find them too.
/// </summary>
public static partial class TextDecoding
{
    /// <summary>Accented letters of a Latin-1 text stay well under this share of its characters.</summary>
    private const double MaxInvalidShare = 0.3;

    /// <summary>Text has next to no control characters besides line breaks and tabs; binary data has many.</summary>
    private const double MaxControlShare = 0.01;

    private static readonly UTF8Encoding ReplacingUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly EncodingProvider CodePages = RegisterCodePages();

    /// <summary>Makes the code pages available to every <see cref="Encoding.GetEncoding(string)"/> caller (XML readers included).</summary>
    public static void EnsureCodePages() => GC.KeepAlive(CodePages);

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

    /// <summary>
    /// A web page: the BOM, else the header's charset, else a meta charset (or an XML prolog), else UTF-8, falling back
    /// to windows-1252 when the bytes are not valid UTF-8 (as browsers do).
    /// </summary>
    public static string DecodePage(byte[] bytes, string? headerCharset)
    {
        if (TryBom(bytes) is { } withBom)
        {
            return withBom;
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var meta = MetaCharset().Match(head);
        var prolog = XmlProlog().Match(head);
        var declared = Find(headerCharset)
            ?? Find(meta.Success ? meta.Groups[1].Value : null)
            ?? Find(prolog.Success ? prolog.Groups[1].Value : null);
        return declared is null ? Utf8OrWindows1252(bytes) : declared.GetString(bytes);
    }

    /// <summary>
    /// An XML document (feed, OPML) as text: the BOM, else the HTTP charset, else the encoding of the XML prolog, else
    /// UTF-8 (windows-1252 when the bytes are not UTF-8). A header that says UTF-8 over bytes that are not UTF-8 loses
    /// to the prolog: servers often send a default charset that the document contradicts.
    /// </summary>
    public static string DecodeXml(byte[] bytes, string? headerCharset)
    {
        if (TryBom(bytes) is { } withBom)
        {
            return withBom;
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var prolog = XmlProlog().Match(head);
        var fromProlog = Find(prolog.Success ? prolog.Groups[1].Value : null);
        var fromHeader = Find(headerCharset);
        var headerContradicted = fromHeader is { CodePage: 65001 } && fromProlog is not null && !IsValidUtf8(bytes);
        if (fromHeader is not null && !headerContradicted)
        {
            return fromHeader.GetString(bytes);
        }

        return fromProlog?.GetString(bytes) ?? Utf8OrWindows1252(bytes);
    }

    /// <summary>The encoding a charset label names (code pages included), or null for none or an unknown label.</summary>
    public static Encoding? Find(string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        // WHATWG: the Latin-1 and ASCII labels mean windows-1252 (0x80-0x9F are quotes and dashes there, not controls).
        if (name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            name = "windows-1252";
        }

        try
        {
            return CodePages.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Utf8OrWindows1252(byte[] bytes) =>
        IsValidUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : CodePages.GetEncoding(1252)!.GetString(bytes);

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static EncodingProvider RegisterCodePages()
    {
        var provider = CodePagesEncodingProvider.Instance;
        Encoding.RegisterProvider(provider);
        return provider;
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

    [GeneratedRegex("""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""")]
    private static partial Regex XmlProlog();

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
