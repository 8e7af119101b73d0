using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>Parses RSS 2.0 and Atom 1.0 (System.ServiceModel.Syndication) and RSS 1.0 (RDF).</summary>
public static partial class FeedParser
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses a feed's bytes, decoded by <see cref="TextDecoding.DecodeXml"/> (BOM, HTTP charset, XML prolog).</summary>
    public static FeedDocument Parse(byte[] body, Uri baseUrl, string? charset = null)
    {
        try
        {
            var reader = XmlReader.Create(new StringReader(HtmlEntities(TextDecoding.DecodeXml(body, charset))), FeedXml.ReaderSettings);
            reader.MoveToContent();
            if (reader.LocalName == "RDF")
            {
                using (reader)
                {
                    return ParseRdf(XDocument.Load(reader), baseUrl);
                }
            }

            if (reader.LocalName == "rss" && reader.GetAttribute("version") is not "2.0")
            {
                // Rss20FeedFormatter refuses RSS 0.91/0.92/0.93/0.94, which are subsets of 2.0: read them as 2.0.
                var document = XDocument.Load(reader);
                reader.Dispose();
                document.Root!.SetAttributeValue("version", "2.0");
                reader = XmlReader.Create(new StringReader(document.ToString(SaveOptions.DisableFormatting)), FeedXml.ReaderSettings);
                reader.MoveToContent();
            }

            using var current = reader;

            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            formatter.DateTimeParser = ParseDate;
            if (!formatter.CanRead(reader))
            {
                throw new IngestException($"malformed feed: the root element <{reader.Name}> is not <rss>, <feed> or <rdf:RDF>");
            }

            formatter.ReadFrom(reader);
            return Convert(formatter.Feed, baseUrl);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException or NotSupportedException)
        {
            throw new IngestException("malformed feed: " + ex.Message, ex);
        }
    }

    private static FeedDocument Convert(SyndicationFeed feed, Uri baseUrl)
    {
        var items = feed.Items.Select(item =>
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
            // xml:base on the feed, the entry and the link itself, each relative to the one before, then to the feed URL.
            var linkBase = Absolute(link?.BaseUri, Absolute(item.BaseUri, Absolute(feed.BaseUri, baseUrl) ?? baseUrl) ?? baseUrl) ?? baseUrl;
            var content = new[] { Extension(item, "encoded", ContentNamespace), (item.Content as TextSyndicationContent)?.Text, item.Summary?.Text }
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .MaxBy(c => c!.Length) ?? "";
            var author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a))
                ?? Extension(item, "creator", DublinCoreNamespace);
            var published = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null;
            var webLink = Absolute(link?.Uri, linkBase) ?? (item.Id is { } id && Uri.TryCreate(id, UriKind.Absolute, out var permalink) && permalink.Scheme is "http" or "https" ? permalink : null);
            return new FeedItem(item.Title?.Text?.Trim() ?? "", webLink, string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(), published, author?.Trim(), content);
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
                FeedDates.Parse(date),
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
        value = FeedDates.Parse(data.DateTimeString) ?? default;
        return true;
    }

    /// <summary>
    /// HTML entities (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) are not XML: the XML reader rejects the whole feed. They become
    /// numeric references first; the five XML entities and numeric ones stay as they are.
    /// </summary>
    internal static string HtmlEntities(string xml) =>
        xml.Contains('&', StringComparison.Ordinal) ? NamedEntity().Replace(xml, m =>
        {
            var name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                return m.Value;
            }

            var decoded = System.Net.WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? "&amp;" + name + ";" : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value.ToString(CultureInfo.InvariantCulture)};"));
        }) : xml;

    [System.Text.RegularExpressions.GeneratedRegex("&([A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial System.Text.RegularExpressions.Regex NamedEntity();
}
