using System.Text;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>The formats and oddities of real feeds: RSS 0.91, Atom with xml:base, JSON Feed 1.1, HTML entities, dates, GUIDs.</summary>
public sealed class FeedFormatsTests
{
    private static readonly Uri FeedUrl = new("https://news.example.com/feeds/main.xml");

    private static FeedDocument Parse(string text) => FeedFormats.Parse(Encoding.UTF8.GetBytes(text), FeedUrl, null);

    [Fact]
    public void Parse_Rss091WithDoctype_ReadsItems()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old Times</title><link>https://old.example.com/</link><description>d</description><language>en</language>
              <item><title>Ninety-one</title><link>https://old.example.com/91</link><description>Body.</description></item>
            </channel></rss>
            """);

        Assert.Equal("Old Times", feed.Title);
        Assert.Equal(new Uri("https://old.example.com/91"), Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Parse_AtomWithXmlBase_ResolvesRelativeLinksAgainstIt()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
              <title>Based</title><id>urn:b</id><updated>2026-02-28T10:00:00Z</updated>
              <entry xml:base="posts/"><title>One</title><id>urn:b:1</id><link href="one.html"/><updated>2026-02-28T10:00:00Z</updated><summary>s</summary></entry>
              <entry><title>Two</title><id>urn:b:2</id><link href="/two.html"/><updated>2026-02-28T11:00:00Z</updated><summary>s</summary></entry>
            </feed>
            """);

        Assert.Equal([new Uri("https://blog.example.org/posts/one.html"), new Uri("https://blog.example.org/two.html")], feed.Items.Select(i => i.Link));
    }

    [Fact]
    public void Parse_RssRelativeLinkWithoutXmlBase_ResolvedAgainstTheFeedUrl()
    {
        var feed = Parse("""<rss version="2.0"><channel><title>R</title><item><title>A</title><link>../story/a</link><description>x</description></item></channel></rss>""");

        Assert.Equal(new Uri("https://news.example.com/story/a"), Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsTitleItemsAuthorsAndResolvesUrls()
    {
        var bytes = Encoding.UTF8.GetBytes("""
            {"version":"https://jsonfeed.org/version/1.1","title":"JSON Daily","home_page_url":"https://j.example.com/","feed_url":"https://j.example.com/feed.json",
             "language":"en","authors":[{"name":"Desk"}],
             "items":[{"id":"1","url":"/posts/1","title":"Talks resume","content_html":"<p>Long &amp; detailed.</p>","summary":"Short","date_published":"2026-02-27T08:00:00+01:00"},
                      {"id":2,"content_text":"No title, no url.","authors":[{"name":"Ann"}]}]}
            """);

        Assert.True(FeedFormats.IsJsonFeed(bytes));
        var feed = FeedFormats.Parse(bytes, FeedUrl, null);

        Assert.Equal(("JSON Daily", "en"), (feed.Title, feed.Language));
        Assert.Equal(new Uri("https://j.example.com/posts/1"), feed.Items[0].Link);
        Assert.Equal(("1", "Desk", "<p>Long &amp; detailed.</p>"), (feed.Items[0].Id, feed.Items[0].Author, feed.Items[0].Content));
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 7, 0, 0, TimeSpan.Zero), feed.Items[0].PublishedAt);
        Assert.Equal(("2", "Ann", null, null), (feed.Items[1].Id, feed.Items[1].Author, feed.Items[1].Link, feed.Items[1].PublishedAt));
        Assert.False(FeedFormats.IsJsonFeed(Encoding.UTF8.GetBytes("""{"version":"1","items":[]}""")));
    }

    [Fact]
    public void Parse_HtmlEntitiesAndCdata_DecodedNotRejected()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Caf&eacute;&nbsp;News &amp; More</title>
              <item><title>M&uuml;nchen &mdash; talks</title><link>https://e.com/1</link>
                <description><![CDATA[<p>Inside &nbsp; CDATA <b>bold</b> &unknownentity;</p>]]></description></item>
            </channel></rss>
            """);

        Assert.Equal("Café\u00a0News & More", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("München — talks", item.Title);
        Assert.Contains("<b>bold</b>", item.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sun, 01 Mar 2026 10:00:00 EST", "2026-03-01T15:00:00Z")]
    [InlineData("Sun, 1 Mar 2026 10:00 PDT", "2026-03-01T17:00:00Z")]
    [InlineData("Mon, 01 Mar 2026 10:00:00 +0100", "2026-03-01T09:00:00Z")]
    [InlineData("01 Mar 2026 9:05:00 GMT", "2026-03-01T09:05:00Z")]
    [InlineData("Sun, 01 Mar 26 10:00:00 Z", "2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00+02:00", "2026-03-01T08:00:00Z")]
    [InlineData("2026-03-01 10:00:00", "2026-03-01T10:00:00Z")]
    public void Parse_OddDates_ReadInUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
    }

    [Theory]
    [InlineData("sometime last week")]
    [InlineData("")]
    public void Parse_UnreadableDate_IsNull(string text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public async Task Ingest_ItemsWithoutLinkOrWithoutGuidOrDate_KeyedByGuidThenTitleAndDateAndStoredOnceAcrossPolls()
    {
        await using var server = await FeedWebServer.StartAsync();
        var text = SampleText.Paragraphs(601);
        var other = SampleText.Paragraphs(602);
        server.Content("odd.xml", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Odd</title>
              <item><guid isPermaLink="false">only-guid</guid><title>Guid only</title><description>{text}</description></item>
              <item><title>Nothing but a title</title><description>{other}</description></item>
            </channel></rss>
            """);
        await using var services = new IngestionServices();

        var first = await services.IngestAsync(IngestTrust.Operator, server.Url("odd.xml").AbsoluteUri);
        var second = await services.IngestAsync(IngestTrust.Operator, server.Url("odd.xml").AbsoluteUri);

        Assert.Equal((2, 0), (first.Ingested, first.Duplicates));
        Assert.Equal((0, 2), (second.Ingested, second.Duplicates));
        var urls = services.Store.All.Select(a => a.Url).Order().ToList();
        Assert.Equal(server.Url("odd.xml") + "#only-guid", urls[0]);
        Assert.StartsWith(server.Url("odd.xml") + "#t-", urls[1], StringComparison.Ordinal);
        Assert.All(services.Store.All, a => Assert.Null(a.PublishedAt));
    }
}
