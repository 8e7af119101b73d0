using AngleSharp.Html.Parser;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// Feed autodiscovery: the <c>&lt;link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href&gt;</c> of an
/// HTML page, in page order, made absolute against the page (and its <c>&lt;base href&gt;</c>).
/// </summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"];

    public static IReadOnlyList<Uri> Find(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(pageUrl, href, out var b) ? b : pageUrl;
        var found = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = (link.GetAttribute("type") ?? "").Split(';')[0].Trim();
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Uri.TryCreate(baseUrl, link.GetAttribute("href")!.Trim(), out var url) && url.Scheme is "http" or "https" && !found.Contains(url))
            {
                found.Add(url);
            }
        }

        return found;
    }
}
