using System.Text;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Tests.Articles;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example.com/feeds/world.xml");

    [Fact]
    public void Parse_Rss20WithContentEncoded_PrefersFullContentAndResolvesRelativeLinks()
    {
        var feed = FeedParser.Parse(Bytes("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>World</title><language>en-us</language>
                <item>
                  <title>Story</title>
                  <link>/world/story-1</link>
                  <description>Short.</description>
                  <content:encoded><![CDATA[<p>The much longer full text.</p>]]></content:encoded>
                  <dc:creator>Staff</dc:creator>
                  <pubDate>Sat, 21 Nov 2026 07:00:00 GMT</pubDate>
                </item>
              </channel>
            </rss>
            """), FeedUrl);

        Assert.Equal("World", feed.Title);
        Assert.Equal("en-us", feed.Language);
        var item = Assert.Single(feed.Items);
        Assert.Equal(new Uri("https://news.example.com/world/story-1"), item.Link);
        Assert.Equal("<p>The much longer full text.</p>", item.Content);
        Assert.Equal("Staff", item.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero), item.PublishedAt);
    }

    [Fact]
    public void Parse_UnreadableDate_KeepsTheItemUndated()
    {
        var feed = FeedParser.Parse(Bytes("""
            <rss version="2.0"><channel><title>T</title>
              <item><title>A</title><link>https://e.com/a</link><description>x</description><pubDate>sometime last week</pubDate></item>
            </channel></rss>
            """), FeedUrl);

        Assert.Null(Assert.Single(feed.Items).PublishedAt);
    }

    [Fact]
    public void Parse_Rss10Rdf_ReadsItems()
    {
        var feed = FeedParser.Parse(Bytes("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://e.com/"><title>Old School</title></channel>
              <item rdf:about="https://e.com/1">
                <title>First</title><link>https://e.com/1</link><description>Body one.</description>
                <dc:date>2026-11-19T12:00:00Z</dc:date><dc:creator>Lee</dc:creator>
              </item>
            </rdf:RDF>
            """), FeedUrl);

        Assert.Equal("Old School", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal(("First", new Uri("https://e.com/1"), "Lee", "Body one."), (item.Title, item.Link, item.Author, item.Content));
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero), item.PublishedAt);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>x</channel></rss>")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("")]
    public void Parse_MalformedFeed_FailsWithMalformedFeedReason(string xml)
    {
        var error = Assert.Throws<IngestException>(() => FeedParser.Parse(Bytes(xml), FeedUrl));

        Assert.StartsWith("malformed feed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DocumentTypeWithExternalEntity_DoesNotReadTheFile()
    {
        using var folder = new TestDoubles.TempFolder();
        var secret = folder.Write("secret.txt", "SECRET-MARKER-7731");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]>
            <rss version="2.0"><channel><title>t &xxe;</title><item><title>&xxe;</title><description>x</description></item></channel></rss>
            """;

        var outcome = Record.Exception(() => FeedParser.Parse(Bytes(xml), FeedUrl)) is { } error
            ? error.Message
            : System.Text.Json.JsonSerializer.Serialize(FeedParser.Parse(Bytes(xml), FeedUrl));

        Assert.DoesNotContain("SECRET-MARKER", outcome, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string xml) => Encoding.UTF8.GetBytes(xml);
}
