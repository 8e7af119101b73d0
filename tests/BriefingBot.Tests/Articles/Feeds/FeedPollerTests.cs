using System.Text;
using BriefingBot.Articles.Feeds;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>Polling like a good citizen, against real HTTP: validators, 304, Retry-After, max-age, backoff, disabling, caps.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private FeedWebServer server = null!;
    private FeedHarness harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FeedWebServer.StartAsync();
        harness = await FeedHarness.StartAsync(new() { ["Articles:FetchTimeout"] = "00:00:02", ["Articles:MaxDownloadBytes"] = "1048576" });
    }

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        await server.DisposeAsync();
    }

    private TestFeeds.Item Item(int n, string? title = null, int? seed = null) =>
        new("guid-" + n, title ?? "Item " + n, server.Url("story/" + n).AbsoluteUri, seed ?? 100 + n);

    /// <summary>Serves the items with an ETag; answers 304 to a matching If-None-Match.</summary>
    private void ServeWithETag(string path, Func<string> body, Func<string> etag) =>
        server.Route(path, async context =>
        {
            var tag = etag();
            if (context.Request.Headers.IfNoneMatch.ToString() == tag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = tag;
            context.Response.Headers.LastModified = "Sat, 28 Feb 2026 10:00:00 GMT";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(body(), Ct);
        });

    [Fact]
    public async Task PollAsync_FirstThenUnchangedThenNewItem_NoBacklogThen304ThenOneAnnouncement()
    {
        var items = new List<TestFeeds.Item> { Item(1), Item(2) };
        var version = "\"v1\"";
        ServeWithETag("feed.xml", () => TestFeeds.Rss("Daily", [.. items]), () => version);
        var feed = await harness.AddFeedAsync(server.Url("feed.xml"));

        var first = await harness.PollAsync(feed.Id);
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        var second = await harness.PollAsync(feed.Id);
        items.Add(Item(3));
        version = "\"v2\"";
        var third = await harness.PollAsync(feed.Id);

        Assert.Equal((FeedPollOutcome.Stored, 2, "Daily"), (first.Outcome, first.Feed.ItemsStored, first.Feed.Title));
        Assert.Equal(FeedPollOutcome.NotModified, second.Outcome);
        Assert.Equal((FeedPollOutcome.Stored, 1, 3), (third.Outcome, third.Announced, third.Feed.ItemsStored));
        Assert.Equal(["Item 3"], harness.Announcer.Titles);
        var requests = server.RequestsTo("feed.xml").ToList();
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal("Sat, 28 Feb 2026 10:00:00 GMT", requests[1].Header("If-Modified-Since"));
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(30), third.Feed.NextDueAt);
    }

    [Fact]
    public async Task PollAsync_Always_SendsTheDescriptiveUserAgent()
    {
        server.Content("feed.xml", "application/rss+xml", TestFeeds.Rss("UA", Item(1)));
        var feed = await harness.AddFeedAsync(server.Url("feed.xml"));

        await harness.PollAsync(feed.Id);

        var agent = server.RequestsTo("feed.xml").Single().Header("User-Agent");
        Assert.Contains("BriefingBot/1.0", agent, StringComparison.Ordinal);
        Assert.Contains("+https://", agent, StringComparison.Ordinal);
        Assert.DoesNotContain("Mozilla", agent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_UpdatedItemSameGuid_NotAnnouncedAgain()
    {
        var title = "Ceasefire talks";
        server.Route("feed.xml", context => context.Response.WriteAsync(TestFeeds.Rss("Upd", Item(1, title, seed: 7)), Ct));
        var feed = await harness.AddFeedAsync(server.Url("feed.xml"));
        await harness.PollAsync(feed.Id);
        title = "Ceasefire talks (updated)";

        var again = await harness.PollAsync(feed.Id);

        Assert.Equal(0, again.Announced);
        Assert.Empty(harness.Announcer.Titles);
        Assert.Equal(1, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task PollAsync_500TenTimes_BacksOffDoublingThenDisablesAndTellsTheChannelOnce()
    {
        server.Status("down.xml", 500);
        var feed = await harness.AddFeedAsync(server.Url("down.xml"), TimeSpan.FromMinutes(30));
        var delays = new List<TimeSpan>();
        FeedPollResult result = null!;

        for (var i = 0; i < 10; i++)
        {
            result = await harness.PollAsync(feed.Id);
            delays.Add(result.Feed.NextDueAt - harness.Time.GetUtcNow());
            harness.Time.Advance(TimeSpan.FromHours(25));
        }

        Assert.Equal([30, 60, 120, 240, 480, 960, 1440, 1440, 1440], delays.Take(9).Select(d => d.TotalMinutes));
        Assert.Equal(FeedPollOutcome.Disabled, result.Outcome);
        Assert.Equal((FeedState.Disabled, FeedReasons.TooManyFailures, 10), (result.Feed.State, result.Feed.StateReason, result.Feed.ConsecutiveFailures));
        var told = Assert.Single(harness.Platform.Posted);
        Assert.Equal("c1", told.Channel);
        Assert.Contains("was disabled: too_many_failures", told.Text, StringComparison.Ordinal);
        Assert.Contains($"/feed resume {feed.Id}", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", told.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Feeds.ListDueAsync(harness.Time.GetUtcNow().AddDays(30), 10, Ct));
    }

    [Fact]
    public async Task PollAsync_RecoversAfterTransientOutage_NeedsNoAction()
    {
        var down = 3;
        server.Route("flaky.xml", async context =>
        {
            if (down-- > 0)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await context.Response.WriteAsync(TestFeeds.Rss("Flaky", Item(1)), Ct);
        });
        var feed = await harness.AddFeedAsync(server.Url("flaky.xml"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(FeedPollOutcome.Failed, (await harness.PollAsync(feed.Id)).Outcome);
        }

        var back = await harness.PollAsync(feed.Id);

        Assert.Equal((FeedPollOutcome.Stored, FeedState.Active, 0, null), (back.Outcome, back.Feed.State, back.Feed.ConsecutiveFailures, back.Feed.LastError));
        Assert.Empty(harness.Platform.Posted);
    }

    [Fact]
    public async Task PollAsync_429WithRetryAfter_WaitsAtLeastThatLong()
    {
        server.Route("busy.xml", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        var feed = await harness.AddFeedAsync(server.Url("busy.xml"), TimeSpan.FromMinutes(30));

        var result = await harness.PollAsync(feed.Id);

        Assert.Equal(FeedPollOutcome.Failed, result.Outcome);
        Assert.Equal(TimeSpan.FromHours(2), result.Feed.NextDueAt - harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task PollAsync_CacheControlMaxAgeLongerThanInterval_IsTheFloor()
    {
        server.Content("cached.xml", "application/rss+xml", TestFeeds.Rss("Cached", Item(1)), c => c.Response.Headers.CacheControl = "public, max-age=10800");
        var feed = await harness.AddFeedAsync(server.Url("cached.xml"), TimeSpan.FromMinutes(30));

        var result = await harness.PollAsync(feed.Id);

        Assert.Equal(TimeSpan.FromHours(3), result.Feed.NextDueAt - harness.Time.GetUtcNow());
    }

    [Theory]
    [InlineData(404, FeedReasons.NotFound)]
    [InlineData(410, FeedReasons.Gone)]
    public async Task PollAsync_NotFoundOrGoneForADay_DisabledWithItsReason(int status, string reason)
    {
        server.Status("gone.xml", status);
        var feed = await harness.AddFeedAsync(server.Url("gone.xml"));

        var first = await harness.PollAsync(feed.Id);
        harness.Time.Advance(TimeSpan.FromHours(25));
        var later = await harness.PollAsync(feed.Id);

        Assert.Equal(FeedPollOutcome.Failed, first.Outcome);
        Assert.Equal((FeedPollOutcome.Disabled, reason), (later.Outcome, later.Feed.StateReason));
    }

    [Fact]
    public async Task PollAsync_TwentyMegabyteFeedWithoutLength_DisabledTooLarge()
    {
        server.Route("huge.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>" + new string('x', 64 * 1024));
            for (var i = 0; i < 20 * 16 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var feed = await harness.AddFeedAsync(server.Url("huge.xml"));

        var result = await harness.PollAsync(feed.Id);

        Assert.Equal((FeedPollOutcome.Disabled, FeedReasons.TooLarge), (result.Outcome, result.Feed.StateReason));
        Assert.Contains("larger than 1 MB", result.Feed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_FeedThatNeverFinishesSending_TimesOutAsAFailure()
    {
        server.Route("endless.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Endless</title>", context.RequestAborted);
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        var feed = await harness.AddFeedAsync(server.Url("endless.xml"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await harness.PollAsync(feed.Id);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(FeedPollOutcome.Failed, result.Outcome);
        Assert.Contains("timed out after 2 s", result.Feed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_UrlNowServesAWebPage_DisabledNotAFeed()
    {
        server.Content("page", "text/html", "<html><body><p>Moved.</p></body></html>");
        var feed = await harness.AddFeedAsync(server.Url("page"));

        var result = await harness.PollAsync(feed.Id);

        Assert.Equal((FeedPollOutcome.Disabled, FeedReasons.NotAFeed), (result.Outcome, result.Feed.StateReason));
    }

    [Fact]
    public async Task SweepAsync_ThreeDueFeedsOnOneHost_OneRequestAtATime()
    {
        foreach (var name in new[] { "a.xml", "b.xml", "c.xml" })
        {
            server.Route(name, async context =>
            {
                await Task.Delay(300, context.RequestAborted);
                await context.Response.WriteAsync(TestFeeds.Rss(name, Item(name[0])), Ct);
            });
            await harness.AddFeedAsync(server.Url(name));
        }

        var polled = await harness.Services.GetRequiredService<FeedSweeper>().SweepAsync(Ct);

        Assert.Equal(3, polled);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(1, server.MaxConcurrentRequests);
        Assert.Empty(await harness.Feeds.ListDueAsync(harness.Time.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public void Backoff_Doubling_CappedAtTheMaximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), FeedPoller.Backoff(TimeSpan.FromMinutes(30), 1, TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromMinutes(240), FeedPoller.Backoff(TimeSpan.FromMinutes(30), 4, TimeSpan.FromHours(24)));
        Assert.Equal(TimeSpan.FromHours(24), FeedPoller.Backoff(TimeSpan.FromMinutes(30), 40, TimeSpan.FromHours(24)));
    }
}
