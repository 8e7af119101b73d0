using System.Text;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles;

/// <summary>Pages and feeds in windows-1252, ISO-8859-1 and Shift_JIS, named by the HTTP header, the XML prolog, a meta tag or a BOM.</summary>
public sealed class TextDecodingTests
{
    private const string French = "Le ministre a déclaré « c’est grave » — selon les témoins";
    private const string Japanese = "東京で首脳会談が再開された";
    private static readonly Uri FeedUrl = new("https://news.example.com/feed.xml");

    private static Encoding Cp(string name) => TextDecoding.Find(name)!;

    [Fact]
    public void Find_Windows1252AndShiftJis_AreAvailable()
    {
        Assert.Equal(1252, Cp("windows-1252").CodePage);
        Assert.Equal(932, Cp("Shift_JIS").CodePage);
        Assert.Equal(1252, Encoding.GetEncoding("windows-1252").CodePage);
        Assert.Null(TextDecoding.Find("no-such-charset"));
    }

    [Fact]
    public void DecodePage_HeaderSaysWindows1252_CurlyQuotesAndAccentsSurvive()
    {
        var bytes = Cp("windows-1252").GetBytes($"<html><body><p>{French}</p></body></html>");

        var text = TextDecoding.DecodePage(bytes, "windows-1252");

        Assert.Contains(French, text, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePage_HeaderSaysIso88591_ReadsLikeABrowser()
    {
        var bytes = Encoding.Latin1.GetBytes("<p>Café déjà vu</p>");

        Assert.Contains("Café déjà vu", TextDecoding.DecodePage(bytes, "ISO-8859-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePage_MetaCharsetShiftJis_Decodes()
    {
        var bytes = Cp("Shift_JIS").GetBytes($"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>{Japanese}</p></body></html>""");

        Assert.Contains(Japanese, TextDecoding.DecodePage(bytes, headerCharset: null), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePage_NoCharsetAndNotUtf8_FallsBackToWindows1252()
    {
        var bytes = Cp("windows-1252").GetBytes($"<p>{French}</p>");

        Assert.Contains(French, TextDecoding.DecodePage(bytes, headerCharset: null), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePage_Utf16Bom_WinsOverTheHeader()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"<p>{Japanese}</p>")).ToArray();

        Assert.Contains(Japanese, TextDecoding.DecodePage(bytes, "windows-1252"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FeedWithWindows1252Prolog_ReadsTitleAndItem()
    {
        var bytes = Cp("windows-1252").GetBytes(Rss("windows-1252", French));

        var feed = FeedParser.Parse(bytes, FeedUrl);

        Assert.Equal(French, feed.Title);
        Assert.Equal(French, Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_FeedWithShiftJisProlog_ReadsJapanese()
    {
        var bytes = Cp("Shift_JIS").GetBytes(Rss("Shift_JIS", Japanese));

        Assert.Equal(Japanese, Assert.Single(FeedParser.Parse(bytes, FeedUrl).Items).Title);
    }

    [Fact]
    public void Parse_HttpCharsetIso88591OverAProloglessFeed_HeaderWins()
    {
        var bytes = Encoding.Latin1.GetBytes(Rss(encoding: null, "Café Zürich"));

        Assert.Equal("Café Zürich", FeedParser.Parse(bytes, FeedUrl, "ISO-8859-1").Title);
    }

    [Fact]
    public void Parse_HeaderSaysUtf8ButBytesAreTheProloguesWindows1252_PrologWins()
    {
        var bytes = Cp("windows-1252").GetBytes(Rss("windows-1252", French));

        Assert.Equal(French, FeedParser.Parse(bytes, FeedUrl, "utf-8").Title);
    }

    [Fact]
    public void Parse_Utf8BomFeed_Decodes()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Rss("utf-8", Japanese))).ToArray();

        Assert.Equal(Japanese, FeedParser.Parse(bytes, FeedUrl, "windows-1252").Title);
    }

    [Fact]
    public async Task Ingest_Windows1252PageAndShiftJisFeedOverHttp_StoredReadable()
    {
        await using var server = await FeedWebServer.StartAsync();
        var body = string.Join(" ", Enumerable.Repeat(French + ".", 30));
        server.Content("page", "text/html; charset=windows-1252",
            Cp("windows-1252").GetBytes($"<html><head><title>Une page</title></head><body><article><h1>Une page</h1><p>{body}</p><p>{body}</p></article></body></html>"));
        var items = string.Join(" ", Enumerable.Repeat(Japanese + "。", 120));
        server.Content("sjis.xml", "application/xml",
            Cp("Shift_JIS").GetBytes($"""<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>{Japanese}</title><item><title>{Japanese}</title><link>{server.Url("ja/1")}</link><description>{items}</description></item></channel></rss>"""));
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("page").AbsoluteUri, server.Url("sjis.xml").AbsoluteUri);

        Assert.Equal(2, report.Ingested);
        Assert.Contains(services.Store.All, a => a.Text.Contains("« c’est grave »", StringComparison.Ordinal));
        Assert.Contains(services.Store.All, a => a.Title == Japanese && a.Source == Japanese);
    }

    private static string Rss(string? encoding, string title) =>
        (encoding is null ? "" : $"""<?xml version="1.0" encoding="{encoding}"?>""") + $"""
        <rss version="2.0"><channel><title>{title}</title>
          <item><title>{title}</title><link>https://news.example.com/1</link><description>Text.</description></item>
        </channel></rss>
        """;
}
