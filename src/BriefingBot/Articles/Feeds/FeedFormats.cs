using System.Globalization;
using System.Text.Json;
using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// Which bytes are a feed (RSS 0.9x/2.0, RSS 1.0, Atom by their root element; JSON Feed by its version URL), and parsing
/// any of them. XML goes to <see cref="FeedParser"/> (System.ServiceModel.Syndication); JSON Feed 1.0/1.1 is read here,
/// since no served parser in our package list reads it alongside the others without replacing them.
/// </summary>
public static class FeedFormats
{
    private const string JsonFeedVersion = "https://jsonfeed.org/version/";

    public static bool IsFeed(string? mediaType, byte[] body) => IsJsonFeed(body) || Ingestion.Web.WebFetcher.IsFeedRoot(body);

    public static FeedDocument Parse(byte[] body, Uri baseUrl, string? charset) =>
        IsJsonFeed(body) ? ParseJson(body, baseUrl) : FeedParser.Parse(body, baseUrl, charset);

    public static bool IsJsonFeed(byte[] body)
    {
        var start = body.AsSpan().TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body.AsMemory(body.Length - start.Length));
            return json.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                && version.GetString()!.StartsWith(JsonFeedVersion, StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static FeedDocument ParseJson(byte[] body, Uri baseUrl)
    {
        try
        {
            var start = body.AsSpan().TrimStart("\uFEFF"u8);
            using var json = JsonDocument.Parse(body.AsMemory(body.Length - start.Length));
            var root = json.RootElement;
            var feedUrl = Absolute(String(root, "feed_url"), baseUrl) ?? baseUrl;
            var feedAuthor = Author(root);
            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    var content = new[] { String(item, "content_html"), String(item, "content_text"), String(item, "summary") }
                        .Where(c => !string.IsNullOrWhiteSpace(c)).MaxBy(c => c!.Length) ?? "";
                    var date = String(item, "date_published") ?? String(item, "date_modified");
                    items.Add(new FeedItem(
                        String(item, "title")?.Trim() ?? "",
                        Absolute(String(item, "url") ?? String(item, "external_url"), feedUrl),
                        item.TryGetProperty("id", out var id) ? id.ToString() : null,
                        DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published) ? published : null,
                        Author(item) ?? feedAuthor,
                        content));
                }
            }

            return new FeedDocument(String(root, "title")?.Trim(), String(root, "language"), items);
        }
        catch (JsonException ex)
        {
            throw new IngestException("malformed JSON feed: " + ex.Message, ex);
        }
    }

    private static string? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            return authors.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "name") : null).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? Absolute(string? link, Uri baseUrl) =>
        string.IsNullOrWhiteSpace(link) ? null
        : Uri.TryCreate(baseUrl, link.Trim(), out var absolute) && absolute.Scheme is "http" or "https" ? absolute : null;
}
