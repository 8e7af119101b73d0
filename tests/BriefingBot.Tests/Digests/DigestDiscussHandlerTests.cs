using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Chat.Components;
using BriefingBot.Digests;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Digests;

/// <summary>The "Discuss" button against the fake Discord and Slack servers: a real thread request, a private answer.</summary>
public sealed class DigestDiscussHandlerTests
{
    private const string AnyPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_OnDiscord_StartsThreadOnDigestMessageWithHeadlineAndSourceLinks()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: AnyPublicKey);
        var (store, storyId) = await StoryAsync();
        var handler = new DigestDiscussHandler(store, bot.Services.GetServices<IChatPlatform>(), NullLogger<DigestDiscussHandler>.Instance);

        var reply = await handler.HandleAsync(Press("discord", storyId, new MessageRef("discord", "70", "71")), Ct);

        var start = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/channels/70/messages/71/threads");
        Assert.Equal("Port ＠everyone reopens", start.Json.GetProperty("name").GetString());
        var first = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Path != "/api/v10/channels/70/messages");
        Assert.StartsWith("Port ＠everyone reopens", first.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("https://a.example/port", first.Body, StringComparison.Ordinal);
        Assert.Contains("https://b.example/port", first.Body, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
        Assert.False(reply.IsError);
        Assert.Contains("Started a thread", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_OnSlack_RepliesInThreadUnderDigestMessage()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = SlackProvider(slack);
        var (store, storyId) = await StoryAsync();
        var handler = new DigestDiscussHandler(store, provider.GetServices<IChatPlatform>(), NullLogger<DigestDiscussHandler>.Instance);

        var reply = await handler.HandleAsync(Press("slack", storyId, new MessageRef("slack", "C9", "1700000000.000100")), Ct);

        var post = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("C9", post.Json!["channel"]!.GetValue<string>());
        Assert.Equal("1700000000.000100", post.Json!["thread_ts"]!.GetValue<string>());
        Assert.StartsWith("Port ＠everyone reopens", post.Text, StringComparison.Ordinal);
        Assert.Contains("https://b.example/port", post.Body, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
        Assert.False(reply.IsError);
    }

    [Fact]
    public async Task HandleAsync_InShell_SaysThreadsAreNotAvailable()
    {
        var (store, storyId) = await StoryAsync();
        var handler = new DigestDiscussHandler(store, [], NullLogger<DigestDiscussHandler>.Instance);

        var reply = await handler.HandleAsync(Press("shell", storyId, new MessageRef("shell", "shell", "1")), Ct);

        Assert.StartsWith("Threads are not available here", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digest:discuss:abc", null)]
    [InlineData("digest:discuss:999", "71")]
    [InlineData("digest:discuss:1", null)]
    public async Task HandleAsync_BadIdUnknownStoryOrNoMessage_PrivateErrorAndNoThread(string customId, string? messageId)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: AnyPublicKey);
        var (store, _) = await StoryAsync();
        var router = new ComponentRouter(
            [new DigestDiscussHandler(store, bot.Services.GetServices<IChatPlatform>(), NullLogger<DigestDiscussHandler>.Instance)],
            NullLogger<ComponentRouter>.Instance);
        var message = messageId is null ? null : new MessageRef("discord", "70", messageId);

        var reply = await router.RouteAsync(new ComponentRequest(customId, new Dictionary<string, string>(), Context("discord"), message), Ct);

        Assert.True(reply.IsError);
        Assert.True(reply.Ephemeral);
        Assert.DoesNotContain(fake.Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    private static async Task<(InMemoryArticleStore Store, long StoryId)> StoryAsync()
    {
        var store = new InMemoryArticleStore();
        var text = TestArticles.LongText(7);
        var first = await store.AddAsync(TestArticles.Create("Port @everyone reopens", text, url: "https://a.example/port"), Ct);
        await store.AddAsync(TestArticles.Create("Port reopens (B)", TestArticles.Edit(text, 4, 80), url: "https://b.example/port") with { Source = "B Wire" }, Ct);
        return (store, first.StoryId);
    }

    private static CommandContext Context(string platform) => new(platform, "C", "U1", "user", IsAdmin: false, IsOperator: false);

    private static ComponentRequest Press(string platform, long storyId, MessageRef message) =>
        new($"digest:discuss:{storyId}", new Dictionary<string, string>(), Context(platform), message);

    private static ServiceProvider SlackProvider(FakeSlack slack)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:SigningSecret"] = "s",
            ["Slack:Mode"] = "Http",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSlack(BotMode.Worker, configuration);
        return services.BuildServiceProvider();
    }
}
