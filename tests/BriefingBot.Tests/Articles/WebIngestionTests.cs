using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles;

/// <summary>Operator ingestion of URLs against a real HTTP server on loopback.</summary>
public sealed class WebIngestionTests : IAsyncLifetime
{
    private TestWebServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestWebServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task IngestAsync_ArticlePage_StoresExtractedArticle()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("article?utm_source=x#top").AbsoluteUri);

        var item = Assert.Single(report.Items);
        Assert.Equal(IngestStatus.Added, item.Status);
        Assert.Equal("Talks resume at the border", item.Title);
        var stored = Assert.Single(services.Store.All);
        Assert.Equal(server.Url("article").AbsoluteUri, stored.CanonicalUrl);
        Assert.Equal("Test Herald", stored.Source);
        Assert.Equal("Ada Reporter", stored.Author);
        Assert.Equal("en", stored.Language);
        Assert.Contains(SampleText.Paragraphs(1).Split("\n\n")[2], stored.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_RedirectToArticle_StoresUnderFinalUrl()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("redirect").AbsoluteUri, server.Url("article").AbsoluteUri);

        Assert.Equal([IngestStatus.Added, IngestStatus.Duplicate], report.Items.Select(i => i.Status));
        Assert.Equal(server.Url("article").AbsoluteUri, services.Store.All[0].Url);
    }

    [Theory]
    [InlineData("missing", "HTTP 404 Not Found")]
    [InlineData("report.pdf", "not an HTML page or feed (content-type application/pdf)")]
    [InlineData("huge", "larger than 5 MB")]
    [InlineData("empty", "no article text found")]
    [InlineData("bad.rss", "malformed feed: ")]
    [InlineData("loop/0", "too many redirects")]
    public async Task IngestAsync_BadUrl_FailsWithReason(string path, string reason)
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url(path).AbsoluteUri);

        var item = Assert.Single(report.Items);
        Assert.Equal(IngestStatus.Failed, item.Status);
        Assert.StartsWith(reason, item.Error, StringComparison.Ordinal);
        Assert.Empty(services.Store.All);
    }

    [Fact]
    public async Task IngestAsync_SmallerSizeCap_NamesTheConfiguredCap()
    {
        await using var services = new IngestionServices(new() { ["Articles:MaxDownloadBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("huge").AbsoluteUri);

        Assert.Equal("larger than 1 MB", Assert.Single(report.Items).Error);
    }

    [Fact]
    public async Task IngestAsync_UnreachablePort_FailsAndBatchGoesOn()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, "http://127.0.0.1:1/nothing", server.Url("article").AbsoluteUri);

        Assert.StartsWith("could not fetch: ", report.Items[0].Error, StringComparison.Ordinal);
        Assert.Equal(IngestStatus.Added, report.Items[1].Status);
    }

    [Fact]
    public async Task IngestAsync_TeaserRssFeed_FetchesFullTextOfEachItem()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("teasers.rss").AbsoluteUri);

        Assert.Equal("ingested 2, duplicates 0, failed 0", report.CountsLine);
        var first = services.Store.All.Single(a => a.Title == "Grain convoy crosses");
        Assert.Equal(server.Url("full/11").AbsoluteUri, first.CanonicalUrl);
        Assert.Equal("Teaser Times", first.Source);
        Assert.Equal("Feed Author", first.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Contains(SampleText.Paragraphs(11).Split("\n\n")[1], first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("A short teaser", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_FeedServedAsPlainText_IsRecognisedByItsRootElement()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("teasers-as-text").AbsoluteUri);

        Assert.Equal(2, report.Ingested);
    }

    [Fact]
    public async Task IngestAsync_AtomFeedWithFullContent_StoresItemContentWithoutFetching()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("full.atom").AbsoluteUri);

        // The entries' links (/atom/n) would 404: storing both proves the content was used as is.
        Assert.Equal("ingested 2, duplicates 0, failed 0", report.CountsLine);
        var summit = services.Store.All.Single(a => a.Title == "Summit ends without treaty");
        Assert.Equal("Atom Observer", summit.Source);
        Assert.Equal("Grace Writer", summit.Author);
        Assert.Equal(SampleText.Paragraphs(21), summit.Text);
        Assert.DoesNotContain("<p>", summit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_FeedItemsWithNonWebLinks_FailThoseItemsOnlyWithoutFetchingThem()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("odd-links.rss").AbsoluteUri);

        Assert.Equal(["no article text found", "no article text found", null], report.Items.Select(i => i.Error));
        Assert.Equal("Good one", Assert.Single(services.Store.All).Title);
    }

    [Fact]
    public async Task IngestAsync_TeaserWhosePageIsGone_KeepsTheTeaserText()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("teaser-fallback.rss").AbsoluteUri);

        Assert.Equal(IngestStatus.Added, Assert.Single(report.Items).Status);
        Assert.Equal(SampleText.Paragraphs(51, paragraphs: 1, wordsPerParagraph: 30), services.Store.All[0].Text);
    }

    [Fact]
    public async Task IngestAsync_SlowServer_FailsAfterConfiguredTimeout()
    {
        await using var services = new IngestionServices(new() { ["Articles:FetchTimeout"] = "00:00:01" });

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("slow").AbsoluteUri);

        Assert.Equal("timed out after 1 s", Assert.Single(report.Items).Error);
    }
}
