using System.Globalization;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// A <c>.txt</c> article as <c>analyze</c> reads it: the first non-empty line is the title; <c>Source:</c>,
/// <c>Author:</c>, <c>Published:</c> and <c>URL:</c> lines may follow it up to a blank line; the body is the rest,
/// trimmed, and left as written so that offsets into it can be checked against the file.
/// </summary>
internal sealed record ArticleFile(string Title, string Body, DateOnly? Published)
{
    private static readonly string[] HeaderNames = ["Source", "Author", "Published", "URL"];

    public static ArticleFile Parse(string content)
    {
        int at = 0;
        string title = "";
        while (at < content.Length && title.Length == 0)
        {
            title = NextLine(content, ref at).Trim();
        }

        DateOnly? published = null;
        while (at < content.Length)
        {
            int lineStart = at;
            var line = NextLine(content, ref at);
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : "";
            if (!HeaderNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                at = lineStart;
                break;
            }

            if (name.Equals("Published", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                published = DateOnly.FromDateTime(date.UtcDateTime);
            }
        }

        return new ArticleFile(title, content[at..].Trim(), published);
    }

    private static string NextLine(string content, ref int at)
    {
        int newline = content.IndexOf('\n', at);
        int end = newline < 0 ? content.Length : newline;
        var line = content[at..end].TrimEnd('\r');
        at = newline < 0 ? content.Length : newline + 1;
        return line;
    }
}
