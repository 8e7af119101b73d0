namespace BriefingBot.Digests;

/// <summary>
/// Makes text from articles inert on every platform. Discord renders markdown in embeds and Slack renders mrkdwn; both
/// renderers stop pings (allowed mentions, escaped angle brackets) but neither escapes emphasis, links or code. Each
/// markup character becomes a look-alike that no platform parses, so the text reads the same and does nothing.
/// </summary>
public static class DigestText
{
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['*'] = '∗',
        ['_'] = 'ˍ',
        ['~'] = '∼',
        ['`'] = 'ˋ',
        ['|'] = '∣',
        ['['] = '⁅',
        [']'] = '⁆',
        ['<'] = '‹',
        ['>'] = '›',
        ['@'] = '＠',
        ['#'] = '＃',
        ['\\'] = '⧵',
    };

    /// <summary>The text on one line with every markup character replaced by its look-alike.</summary>
    /// <summary>A time in the channel's zone, as a digest header or listing shows it.</summary>
    public static string Local(DateTimeOffset? utc, TimeZoneInfo zone) =>
        utc is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("ddd yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "never";

    public static string Inert(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return string.Create(line.Length, line, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = LookAlikes.TryGetValue(source[i], out var safe) ? safe : source[i];
            }
        });
    }

    /// <summary>Shortens to <paramref name="max"/> characters with a visible ellipsis, at a word boundary where there is one.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }

    /// <summary>An http(s) address safe inside a markdown link target, or null for anything else.</summary>
    public static string? SafeUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsoluteUri
            .Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal)
            .Replace("|", "%7C", StringComparison.Ordinal);
    }
}
