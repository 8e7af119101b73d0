using System.Xml;
using System.Xml.Linq;
using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

public sealed record OpmlOutline(string? Title, string XmlUrl);

/// <summary>OPML 1.0/2.0 subscription lists: every <c>outline</c> with an <c>xmlUrl</c>, nested folders included.</summary>
public static class FeedOpml
{
    public static IReadOnlyList<OpmlOutline> Parse(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), FeedXml.ReaderSettings);
            var document = XDocument.Load(reader);
            if (document.Root?.Name.LocalName != "opml")
            {
                throw new IngestException($"not an OPML file (the root element is <{document.Root?.Name.LocalName}>, not <opml>)");
            }

            return [.. document.Descendants().Where(e => e.Name.LocalName == "outline")
                .Select(e => (Title: (string?)e.Attribute("title") ?? (string?)e.Attribute("text"), Url: ((string?)e.Attribute("xmlUrl"))?.Trim()))
                .Where(o => !string.IsNullOrEmpty(o.Url))
                .Select(o => new OpmlOutline(string.IsNullOrWhiteSpace(o.Title) ? null : o.Title.Trim(), o.Url!))];
        }
        catch (XmlException ex)
        {
            throw new IngestException("malformed OPML: " + ex.Message, ex);
        }
    }

    public static string Write(IEnumerable<Feed> feeds, DateTimeOffset now)
    {
        var body = new XElement("body", feeds.Select(f => new XElement("outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", f.Title ?? f.Url),
            new XAttribute("title", f.Title ?? f.Url),
            new XAttribute("xmlUrl", f.Url),
            f.Tenant is null ? null : new XAttribute("category", f.Tenant))));
        var opml = new XDocument(new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head", new XElement("title", "BriefingBot feeds"), new XElement("dateCreated", now.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            body));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + opml.ToString();
    }
}
