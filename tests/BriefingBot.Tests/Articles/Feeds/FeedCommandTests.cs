using System.Text;
using BriefingBot.Articles.Feeds;
using BriefingBot.Chat;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>The /feed commands through the real dispatcher: autodiscovery, listing, admin rules, workspaces, bad input.</summary>
public sealed class FeedCommandTests : IAsyncLifetime
{
    private FeedWebServer server = null!;
    private FeedHarness harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FeedWebServer.StartAsync();
        harness = await FeedHarness.StartAsync(new()
        {
            ["Articles:AllowPrivateHosts"] = "true",
            ["Articles:FetchTimeout"] = "00:00:02",
            ["Articles:MaxDownloadBytes"] = "1048576",
        });
        server.Content("site", "text/html; charset=utf-8", $"""
            <html><head><title>The Site</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="News" href="/news.xml">
            </head><body><p>Welcome.</p></body></html>
            """);
        server.Content("news.xml", "application/rss+xml", TestFeeds.Rss("Site News",
            new TestFeeds.Item("n1", "First", server.Url("n/1").AbsoluteUri, 201), new TestFeeds.Item("n2", "Second", server.Url("n/2").AbsoluteUri, 202)));
    }

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task FeedAdd_SitePage_FindsTheFeedByAutodiscoveryAndStoresWithoutAnnouncing()
    {
        var reply = await harness.RunAsync($"/feed add {server.Url("site")} 2h", FeedHarness.Admin());

        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("Site News", reply.Text, StringComparison.Ordinal);
        Assert.Contains("stored 2 items", reply.Text, StringComparison.Ordinal);
        Assert.Contains("autodiscovery", reply.Text, StringComparison.Ordinal);
        var feed = Assert.Single(await harness.Feeds.ListAsync(Ct));
        Assert.Equal((server.Url("news.xml").AbsoluteUri, "test:W1", TimeSpan.FromHours(2), "c1"), (feed.Url, feed.Tenant, feed.Interval, feed.AddedChannel));
        Assert.Empty(harness.Announcer.Titles);
        Assert.Equal(2, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task FeedList_AfterAdd_ShowsIdTitleUrlIntervalFetchItemsAndState()
    {
        await harness.RunAsync($"/feed add {server.Url("news.xml")}", FeedHarness.Admin());

        var reply = await harness.RunAsync("/feed list", FeedHarness.Admin(admin: false));

        var section = Assert.Single(reply.Sections);
        Assert.StartsWith("#1 Site News", section.Title, StringComparison.Ordinal);
        Assert.Contains(server.Url("news.xml").AbsoluteUri, section.Body, StringComparison.Ordinal);
        Assert.Contains("every 30m", section.Body, StringComparison.Ordinal);
        Assert.Contains("last fetch 2026-03-01 12:00 UTC", section.Body, StringComparison.Ordinal);
        Assert.Contains("2 items stored", section.Body, StringComparison.Ordinal);
        Assert.Contains("active", section.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedCommands_NonAdmin_RefusedPrivately()
    {
        var member = FeedHarness.Admin(admin: false);

        foreach (var line in new[] { $"/feed add {server.Url("news.xml")}", "/feed remove 1", "/feed pause 1", "/feed resume 1", $"/feed import {server.Url("x.opml")}" })
        {
            var reply = await harness.RunAsync(line, member);
            Assert.True(reply.IsError && reply.Ephemeral, line);
            Assert.Contains("Only admins", reply.Text, StringComparison.Ordinal);
        }

        Assert.Empty(await harness.Feeds.ListAsync(Ct));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FeedPauseResumeRemove_OwnFeed_ChangesState()
    {
        await harness.RunAsync($"/feed add {server.Url("news.xml")}", FeedHarness.Admin());

        var paused = await harness.RunAsync("/feed pause 1", FeedHarness.Admin());
        var whilePaused = (await harness.Feeds.GetAsync(1, Ct))!;
        var resumed = await harness.RunAsync("/feed resume 1", FeedHarness.Admin());
        var afterResume = (await harness.Feeds.GetAsync(1, Ct))!;
        var removed = await harness.RunAsync("/feed remove 1", FeedHarness.Admin());

        Assert.Contains("Paused feed #1", paused.Text, StringComparison.Ordinal);
        Assert.Equal(FeedState.Paused, whilePaused.State);
        Assert.Contains("Resumed feed #1", resumed.Text, StringComparison.Ordinal);
        Assert.Equal((FeedState.Active, harness.Time.GetUtcNow()), (afterResume.State, afterResume.NextDueAt));
        Assert.Contains("Removed feed #1", removed.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Feeds.ListAsync(Ct));
    }

    [Fact]
    public async Task FeedCommands_OtherWorkspace_CannotSeeOrChangeTheFeed()
    {
        await harness.RunAsync($"/feed add {server.Url("news.xml")}", FeedHarness.Admin("W1"));
        var other = FeedHarness.Admin("W2", channel: "c9");

        var list = await harness.RunAsync("/feed list", other);
        var remove = await harness.RunAsync("/feed remove 1", other);
        var pause = await harness.RunAsync("/feed pause 1", other);
        var search = await harness.RunAsync("/article search First", other);
        var own = await harness.RunAsync("/article search First", FeedHarness.Admin("W1"));

        Assert.Empty(list.Sections);
        Assert.Contains("No feeds yet", list.Text, StringComparison.Ordinal);
        Assert.Contains("There is no feed #1 in this workspace", remove.Text, StringComparison.Ordinal);
        Assert.True(pause.IsError);
        Assert.Equal(FeedState.Active, (await harness.Feeds.GetAsync(1, Ct))!.State);
        Assert.Empty(search.Sections);
        Assert.Contains("First", Render(own), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedList_OperatorFeed_ShownToEveryWorkspaceAsShared()
    {
        await harness.AddFeedAsync(server.Url("news.xml"), tenant: null, channel: null);

        var reply = await harness.RunAsync("/feed list", FeedHarness.Admin("W7"));
        var change = await harness.RunAsync("/feed pause 1", FeedHarness.Admin("W7"));

        Assert.Contains("(operator feed, shared)", Assert.Single(reply.Sections).Title, StringComparison.Ordinal);
        Assert.Contains("operator feed", change.Text, StringComparison.Ordinal);
        Assert.True(change.IsError);
    }

    [Theory]
    [InlineData("not a url", "Not a URL")]
    [InlineData("ftp://example.com/feed.xml", "Not a URL")]
    public async Task FeedAdd_NotAUrl_ClearEphemeralError(string input, string expected)
    {
        var reply = await harness.RunAsync($"/feed add {input}", FeedHarness.Admin());

        Assert.True(reply.IsError && reply.Ephemeral);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedAdd_PageWithNoFeed_SaysSo()
    {
        server.Content("plain", "text/html", "<html><head><title>Plain</title></head><body>No feed here.</body></html>");

        var reply = await harness.RunAsync($"/feed add {server.Url("plain")}", FeedHarness.Admin());

        Assert.True(reply.IsError && reply.Ephemeral);
        Assert.Contains("links no feed", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Feeds.ListAsync(Ct));
    }

    [Fact]
    public async Task FeedAdd_EveryBelowFiveMinutesFromChat_Refused()
    {
        var reply = await harness.RunAsync($"/feed add {server.Url("news.xml")} 1m", FeedHarness.Admin());

        Assert.True(reply.IsError);
        Assert.Contains("at most every 5m", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedAdd_TwentyMegabyteFeed_RefusedAsTooLarge()
    {
        server.Route("huge.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (var i = 0; i < 20 * 16 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        var reply = await harness.RunAsync($"/feed add {server.Url("huge.xml")}", FeedHarness.Admin());

        Assert.True(reply.IsError && reply.Ephemeral);
        Assert.Contains("larger than 1 MB", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedAdd_FeedThatNeverFinishes_TimesOutWithAnError()
    {
        server.Route("endless.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync("<!-- more -->", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });

        var reply = await harness.RunAsync($"/feed add {server.Url("endless.xml")}", FeedHarness.Admin());

        Assert.True(reply.IsError && reply.Ephemeral);
        Assert.Contains("timed out after 2 s", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedAdd_PrivateHostFromChat_RefusedUnlessAllowed()
    {
        await using var strict = await FeedHarness.StartAsync();
        strict.Resolver.Names["intranet.example"] = [System.Net.IPAddress.Loopback];
        var url = new UriBuilder(server.Url("news.xml")) { Host = "intranet.example" }.Uri;

        var reply = await strict.RunAsync($"/feed add {url}", FeedHarness.Admin());
        var operatorReply = await strict.RunAsync($"/feed add {server.Url("news.xml")}", BriefingBot.Chat.Commands.CommandContext.Shell("op"));

        Assert.True(reply.IsError && reply.Ephemeral);
        Assert.Contains("private or local address", reply.Text, StringComparison.Ordinal);
        Assert.False(operatorReply.IsError, operatorReply.Text);
        Assert.Null(Assert.Single(await strict.Feeds.ListAsync(Ct)).Tenant);
    }

    [Fact]
    public async Task FeedImport_OpmlWithAThousandOutlines_CappedAndReported()
    {
        var outlines = string.Concat(Enumerable.Range(1, 1000).Select(i => $"""<outline text="Feed {i}" type="rss" xmlUrl="https://feeds{i}.example.com/rss"/>"""));
        server.Content("big.opml", "text/x-opml", $"""<?xml version="1.0"?><opml version="2.0"><head><title>Big</title></head><body><outline text="Folder">{outlines}</outline><outline text="bad" xmlUrl="javascript:alert(1)"/></body></opml>""");

        var reply = await harness.RunAsync($"/feed import {server.Url("big.opml")}", FeedHarness.Admin());

        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("1001 outlines: added 100, already subscribed 0, not a feed URL 1, skipped 900 over the limit of 100", reply.Text, StringComparison.Ordinal);
        var feeds = await harness.Feeds.ListAsync(Ct);
        Assert.Equal(100, feeds.Count);
        Assert.All(feeds, f => Assert.Equal(("test:W1", FeedOrigin.Import), (f.Tenant, f.Origin)));
    }

    [Fact]
    public async Task FeedImport_NotOpml_ClearError()
    {
        var reply = await harness.RunAsync($"/feed import {server.Url("news.xml")}", FeedHarness.Admin());

        Assert.True(reply.IsError);
        Assert.Contains("not an OPML file", reply.Text, StringComparison.Ordinal);
    }

    private static string Render(ChatReply reply) =>
        reply.Text + string.Concat(reply.Sections.Select(s => s.Title + s.Body)) + string.Concat(reply.Links.Select(l => l.Label));
}
