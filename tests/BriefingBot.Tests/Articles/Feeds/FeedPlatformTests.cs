using System.Text.Json;
using BriefingBot.Articles;
using BriefingBot.Articles.Feeds;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Slack;
using BriefingBot.Storage;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>/feed through the fake Discord (signed HTTP interactions) and the fake Slack (signed slash commands).</summary>
public sealed class FeedPlatformTests : IAsyncLifetime
{
    private const string Form = "application/x-www-form-urlencoded";
    private readonly TempFolder folder = new();
    private FeedWebServer server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FeedWebServer.StartAsync();
        server.Content("site", "text/html", """<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Hi</body></html>""");
        server.Content("atom.xml", "application/atom+xml", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:w</id><updated>2026-02-28T10:00:00Z</updated>
              <entry><title>Port reopens</title><id>urn:w:1</id><link href="/w/1"/><updated>2026-02-28T10:00:00Z</updated><content type="text">{SampleText.Paragraphs(301)}</content></entry>
            </feed>
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        folder.Dispose();
    }

    private static void AddFeatures(IServiceCollection services)
    {
        services.AddArticles(BotMode.Ingest);
        services.AddFeeds(BotMode.Ingest);
        services.PostConfigure<ArticlesOptions>(o => o.AllowPrivateHosts = true);
    }

    [Fact]
    public async Task Discord_AdminAddsBySitePageMemberIsRefusedAndListSeesIt()
    {
        using var signer = new InteractionSigner();
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, AddFeatures, signer.PublicKeyHex, dataFolder: folder.Path);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        var refused = await DiscordAsync(http, fake, signer, "add", $$"""[{"type":3,"name":"url","value":"{{server.Url("site")}}"}]""", "3001", permissions: "0");
        var added = await DiscordAsync(http, fake, signer, "add", $$"""[{"type":3,"name":"url","value":"{{server.Url("site")}}"},{"type":3,"name":"every","value":"1h"}]""", "3002", permissions: "16");
        var listed = await DiscordAsync(http, fake, signer, "list", "[]", "3003", permissions: "0");

        Assert.Equal(64, refused.GetProperty("flags").GetInt32());
        Assert.Contains("Only admins", refused.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Added feed #1 Atom Wire", added.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("stored 1 items", added.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("#1 Atom Wire", listed.ToString(), StringComparison.Ordinal);
        Assert.Contains("every 1h", listed.ToString(), StringComparison.Ordinal);
        var feed = Assert.Single(await bot.Services.GetRequiredService<IFeedStore>().ListAsync(Ct));
        Assert.Equal(("discord:333333333333333333", "discord", "222222222222222222"), (feed.Tenant, feed.AddedPlatform, feed.AddedChannel));
    }

    [Fact]
    public async Task Slack_AdminAddsPausesResumesMemberIsRefused()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, services =>
        {
            services.AddStorage();
            services.PostConfigure<StorageOptions>(o => o.SqlitePath = Path.Combine(folder.Path, "slack.db"));
            AddFeatures(services);
        });
        await bot.Services.GetRequiredService<BriefingBot.Storage.Migrations.IStorageMigrator>().MigrateAsync(Ct);

        await SlackAsync(bot, slack, $"add {server.Url("atom.xml")}", "U1", "Only admins");
        await SlackAsync(bot, slack, $"add {server.Url("atom.xml")} 2h", "UADMIN", "Added feed #1 Atom Wire");
        await SlackAsync(bot, slack, "pause 1", "U1", "Only admins");
        await SlackAsync(bot, slack, "pause 1", "UADMIN", "Paused feed #1");
        await SlackAsync(bot, slack, "list", "U1", "paused since");
        await SlackAsync(bot, slack, "resume 1", "UADMIN", "Resumed feed #1");

        var feed = Assert.Single(await bot.Services.GetRequiredService<IFeedStore>().ListAsync(Ct));
        Assert.Equal(("slack:T1", FeedState.Active, TimeSpan.FromHours(2)), (feed.Tenant, feed.State, feed.Interval));
    }

    private static async Task<JsonElement> DiscordAsync(HttpClient http, FakeDiscord fake, InteractionSigner signer, string subcommand, string options, string id, string permissions)
    {
        var body = InteractionJson.Command("feed", $$"""[{"type":1,"name":"{{subcommand}}","options":{{options}} }]""", id, permissions);
        var before = fake.Requests.Count;
        using var response = await http.SendAsync(signer.Request(body), Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        if (json.GetProperty("type").GetInt32() == 5)
        {
            var late = await fake.WaitForRequestAsync(
                r => fake.Requests.ToList().IndexOf(r) >= before && r.Method is "POST" or "PATCH" && r.Path.Contains("/webhooks/", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30));
            return late.Json;
        }

        return json.GetProperty("data");
    }

    private static async Task SlackAsync(SlackTestHost bot, FakeSlack slack, string text, string user, string expected)
    {
        var calls = slack.CallsTo("response_url").Count;
        using var response = await bot.PostSignedAsync("/slack/commands", SlackHttpEndpointTests.CommandBody("/feed", text, slack, user), Form, Ct);
        var inline = await response.Content.ReadAsStringAsync(Ct);
        if (inline.Contains(expected, StringComparison.Ordinal))
        {
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!slack.CallsTo("response_url").Skip(calls).Any(c => c.Body.Contains(expected, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no '{expected}' for /feed {text}; inline: {inline}");
            await Task.Delay(20, Ct);
        }
    }
}
