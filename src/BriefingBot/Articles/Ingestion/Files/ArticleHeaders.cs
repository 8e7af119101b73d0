using System.Globalization;

namespace BriefingBot.Articles.Ingestion.Files;

/// <summary>The metadata a text or markdown file may carry: <c>Source</c>, <c>Author</c>, <c>Published</c>, <c>URL</c> (and a title).</summary>
public sealed class ArticleHeaders
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "source", "author", "published", "date", "url", "link",
    };

    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public string? Title => Get("title");

    public string? Source => Get("source");

    public string? Author => Get("author");

    public DateTimeOffset? Published => ParseDate(Get("published") ?? Get("date"));

    public Uri? Url => Uri.TryCreate(Get("url") ?? Get("link"), UriKind.Absolute, out var url) && ArticleText.IsWebUrl(url.ToString()) ? url : null;

    /// <summary>Reads <c>Key: value</c>; false when the line is not a known header.</summary>
    public bool TryAdd(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var key = line[..colon].Trim();
        if (!Known.Contains(key))
        {
            return false;
        }

        var value = line[(colon + 1)..].Trim().Trim('"', '\'');
        if (value.Length > 0)
        {
            values[key] = value;
        }

        return true;
    }

    private string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
