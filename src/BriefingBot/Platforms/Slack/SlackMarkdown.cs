namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Text into Slack mrkdwn. Escaping &amp;, &lt; and &gt; is what stops article text from becoming
/// <c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c> or a disguised link: Slack only parses those inside angle brackets.
/// </summary>
public static class SlackMarkdown
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A link, or the escaped label and address as text when the address is not an http(s) URL.</summary>
    public static string Link(string label, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"{Escape(label)}: {Escape(url)}";
        }

        var target = Escape(uri.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal);
        return $"<{target}|{Escape(label).Replace("|", "/", StringComparison.Ordinal)}>";
    }

    /// <summary>
    /// Splits escaped text into pieces of at most <paramref name="limit"/> characters, at a line break or a space
    /// where there is one, never inside an escape such as <c>&amp;amp;</c>. Nothing is dropped.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > limit)
        {
            var cut = rest.LastIndexOf('\n', limit - 1, limit);
            if (cut < limit / 2)
            {
                cut = rest.LastIndexOf(' ', limit - 1, limit);
            }

            if (cut < limit / 2)
            {
                cut = limit;
                var amp = rest.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
                if (amp >= 0 && rest.IndexOf(';', amp, Math.Min(rest.Length - amp, 6)) >= cut)
                {
                    cut = amp;
                }

                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }
            else
            {
                parts.Add(rest[..cut].TrimEnd());
                rest = rest[(cut + 1)..];
            }
        }

        parts.Add(rest);
        return parts;
    }

    /// <summary>Shortens to <paramref name="limit"/> with a visible ellipsis; for labels and fallbacks, never for content.</summary>
    public static string Shorten(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
