using System.Text.RegularExpressions;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>
/// The built bot in the shell, as a new user types, against a local site: /feed add of a site page finds its feed;
/// /feed list shows it; the next poll sends If-None-Match and gets 304; a feed answering 500 ten times is disabled and
/// the channel told once; /feed resume brings it back. Polling is sped up through configuration (seconds, not minutes).
/// </summary>
public sealed class FeedShellEndToEndTests
{
    [Fact]
    public async Task Shell_AddListConditionalPollDisableResume_AsANewUser()
    {
        await using var server = await FeedWebServer.StartAsync();
        var notModified = 0;
        var failing = false;
        var failures = 0;
        server.Content("", "text/html", """<html><head><title>Gazette</title><link rel="alternate" type="application/rss+xml" title="Gazette" href="/rss"></head><body>Front page</body></html>""");
        server.Route("rss", async context =>
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == "\"g1\"")
            {
                Interlocked.Increment(ref notModified);
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"g1\"";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(TestFeeds.Rss("Gazette", new TestFeeds.Item("g-1", "Harbour reopens", server.Url("s/1").AbsoluteUri, 401)));
        });
        server.Route("wobbly.rss", async context =>
        {
            if (Volatile.Read(ref failing))
            {
                Interlocked.Increment(ref failures);
                context.Response.StatusCode = 500;
                return;
            }

            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(TestFeeds.Rss("Wobbly Wire", new TestFeeds.Item("w-1", "Talks stall", server.Url("w/1").AbsoluteUri, 402)));
        });

        using var process = new BotProcess();
        process.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        process.Environment["BriefingBot__FeedPolling__SweepInterval"] = "00:00:01";
        process.Environment["BriefingBot__FeedPolling__MinimumInterval"] = "00:00:01";
        process.Environment["BriefingBot__FeedPolling__MaxBackoff"] = "00:00:01";
        await using var bot = process.Start("shell");

        await bot.SendLineAsync($"/feed add {server.BaseUrl} 2s");
        await bot.WaitForOutputAsync(new Regex(@"Added feed #1 Gazette \(found on 127\.0\.0\.1 by autodiscovery\): stored 1 items, none announced"));
        await bot.SendLineAsync("/feed list");
        await bot.WaitForOutputAsync(new Regex(@"#1 Gazette \(operator feed, shared\)[\s\S]*every 2s · last fetch \S+ \S+ UTC · 1 items stored[\s\S]*active"));
        await WaitAsync(() => Volatile.Read(ref notModified) >= 1, "a 304 for the second poll");
        Assert.Equal("\"g1\"", server.RequestsTo("rss").Skip(1).First().Header("If-None-Match"));

        await bot.SendLineAsync($"/feed add {server.Url("wobbly.rss")} 1s");
        await bot.WaitForOutputAsync(new Regex("Added feed #2 Wobbly Wire"));
        Volatile.Write(ref failing, true);
        await bot.WaitForOutputAsync(new Regex(@"Feed #2 Wobbly Wire was disabled: too_many_failures \(HTTP 500 Internal Server Error, 10 failed polls in a row\)\. .*/feed resume 2"), TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(10, Volatile.Read(ref failures));
        Assert.Single(Regex.Matches(bot.Output, "was disabled"));
        await bot.SendLineAsync("/feed list");
        await bot.WaitForOutputAsync(new Regex(@"#2 Wobbly Wire[\s\S]*disabled \(too_many_failures: HTTP 500 Internal Server Error\) since"));

        Volatile.Write(ref failing, false);
        var before = server.RequestsTo("wobbly.rss").Count();
        await bot.SendLineAsync("/feed resume 2");
        await bot.WaitForOutputAsync(new Regex("Resumed feed #2 Wobbly Wire"));
        await WaitAsync(() => server.RequestsTo("wobbly.rss").Count() > before, "a poll after the resume");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await bot.SendLineAsync("/feed list");
        await bot.WaitForOutputAsync(new Regex(@"#2 Wobbly Wire \(operator feed, shared\) ==\r?\n.*\r?\n.*\r?\nactive"));
        Assert.DoesNotContain("Exception", bot.Error, StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
