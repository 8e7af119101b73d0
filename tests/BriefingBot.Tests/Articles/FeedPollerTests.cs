using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace BriefingBot.Tests.Articles;

public sealed class FeedPollerTests : IAsyncLifetime
{
    private readonly IArticleAnnouncer announcer = Substitute.For<IArticleAnnouncer>();
    private TestWebServer server = null!;
    private IngestionServices services = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await TestWebServer.StartAsync();
        services = new IngestionServices(configure: s => s.AddSingleton(announcer));
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    private FeedPoller Poller => services.Services.GetRequiredService<FeedPoller>();

    [Fact]
    public async Task PollAsync_FirstFetchOfFeed_StoresItemsButAnnouncesNone()
    {
        server.DynamicItems.AddRange([("Alpha", 31), ("Bravo", 32)]);

        var result = await Poller.PollAsync(server.Url("dynamic.rss"), Cancel);

        Assert.True(result.FirstFetch);
        Assert.Equal(2, result.Report.Ingested);
        Assert.Equal(0, result.Announced);
        Assert.Empty(announcer.ReceivedCalls());
        Assert.Equal(2, services.Store.All.Count);
    }

    [Fact]
    public async Task PollAsync_LaterFetchWithNewItem_AnnouncesOnlyTheNewItem()
    {
        server.DynamicItems.AddRange([("Alpha", 31), ("Bravo", 32)]);
        var feed = server.Url("dynamic.rss");
        await Poller.PollAsync(feed, Cancel);
        server.DynamicItems.Add(("Charlie", 33));

        var second = await Poller.PollAsync(feed, Cancel);
        var third = await Poller.PollAsync(feed, Cancel);

        Assert.False(second.FirstFetch);
        Assert.Equal(1, second.Announced);
        Assert.Equal(0, third.Announced);
        await announcer.Received(1).AnnounceAsync(feed, Arg.Is<IngestItemResult>(i => i.Title == "Charlie" && i.Status == IngestStatus.Added), Arg.Any<CancellationToken>());
        await announcer.Received(1).AnnounceAsync(Arg.Any<Uri>(), Arg.Any<IngestItemResult>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task PollAsync_FeedFails_IsNotRememberedAsSeen()
    {
        var feed = server.Url("missing");

        var result = await Poller.PollAsync(feed, Cancel);

        Assert.Equal(1, result.Report.Failed);
        Assert.Null(await services.Services.GetRequiredService<IMetadataStore>().GetAsync(FeedPoller.SeenKey(feed), Cancel));
    }

    [Fact]
    public async Task PollAsync_FeedSeenInAnEarlierProcess_AnnouncesNewItems()
    {
        server.DynamicItems.Add(("Delta", 34));
        var feed = server.Url("dynamic.rss?utm_source=config");
        await services.Services.GetRequiredService<IMetadataStore>().SetAsync(FeedPoller.SeenKey(server.Url("dynamic.rss")), "2026-11-01T00:00:00Z", Cancel);

        var result = await Poller.PollAsync(feed, Cancel);

        Assert.False(result.FirstFetch);
        Assert.Equal(1, result.Announced);
    }
}
