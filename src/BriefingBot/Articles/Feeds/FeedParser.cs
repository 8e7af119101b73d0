using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>Parses RSS 2.0 and Atom 1.0 (System.ServiceModel.Syndication) and RSS 1.0 (RDF).</summary>
public static class FeedParser
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses a feed's bytes, decoded by <see cref="TextDecoding.DecodeXml"/> (BOM, HTTP charset, XML prolog).</summary>
    public static FeedDocument Parse(byte[] body, Uri baseUrl, string? charset = null)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(TextDecoding.DecodeXml(body, charset)), FeedXml.ReaderSettings);
            reader.MoveToContent();
            if (reader.LocalName == "RDF")
            {
                return ParseRdf(XDocument.Load(reader), baseUrl);
            }

            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            formatter.DateTimeParser = ParseDate;
            if (!formatter.CanRead(reader))
            {
                throw new IngestException($"malformed feed: the root element <{reader.Name}> is not <rss>, <feed> or <rdf:RDF>");
            }

            formatter.ReadFrom(reader);
            return Convert(formatter.Feed, baseUrl);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException)
        {
            throw new IngestException("malformed feed: " + ex.Message, ex);
        }
    }

    private static FeedDocument Convert(SyndicationFeed feed, Uri baseUrl)
    {
        var items = feed.Items.Select(item =>
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
            var content = new[] { Extension(item, "encoded", ContentNamespace), (item.Content as TextSyndicationContent)?.Text, item.Summary?.Text }
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .MaxBy(c => c!.Length) ?? "";
            var author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))
                ?? Extension(item, "creator", DublinCoreNamespace);
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            return new FeedItem(item.Title?.Text?.Trim() ?? "", Absolute(link?.Uri, baseUrl), item.Id, published, author?.Trim(), content);
        }).ToList();
        return new FeedDocument(feed.Title?.Text?.Trim(), feed.Language, items);
    }

    private static FeedDocument ParseRdf(XDocument document, Uri baseUrl)
    {
        XNamespace dc = DublinCoreNamespace;
        var channel = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var items = document.Root?.Elements().Where(e => e.Name.LocalName == "item").Select(item =>
        {
            string? Child(string name) => item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            var date = item.Element(dc + "date")?.Value;
            return new FeedItem(
                Child("title") ?? "",
                Absolute(Uri.TryCreate(Child("link"), UriKind.RelativeOrAbsolute, out var link) ? link : null, baseUrl),
                Child("link"),
                DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var published) ? published : null,
                item.Element(dc + "creator")?.Value.Trim(),
                Child("encoded") ?? Child("description") ?? "");
        }).ToList() ?? [];
        return new FeedDocument(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value.Trim(), null, items);
    }

    private static string? Extension(SyndicationItem item, string name, string ns)
    {
        var extension = item.ElementExtensions.FirstOrDefault(e => e.OuterName == name && e.OuterNamespace == ns);
        return extension?.GetObject<XElement>().Value;
    }

    private static Uri? Absolute(Uri? link, Uri baseUrl) =>
        link is null ? null : link.IsAbsoluteUri ? link : Uri.TryCreate(baseUrl, link, out var absolute) ? absolute : null;

    // Feeds in the wild use many date formats; an unreadable date must not lose the item.
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParse(data.DateTimeString, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = default;
        }

        return true;
    }
}
