using System.Diagnostics;
using BriefingBot.Chat;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackApiClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostMessage_RateLimitedTwice_WaitsRetryAfterAndDeliversOnce()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack);
        slack.RateLimit("chat.postMessage", 2);
        var watch = Stopwatch.StartNew();

        var posted = await Client(provider).PostMessageAsync(Message("C1", "hello"), Ct);

        Assert.Equal("C1", posted.Channel);
        Assert.Equal(3, slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(2, slack.RateLimitedCount);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"Retry-After was not honoured: {watch.Elapsed}");
    }

    [Fact]
    public async Task PostMessage_Always_SendsBotTokenAndJson()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack);

        await Client(provider).PostMessageAsync(Message("C1", "hello") with { ThreadTs = "1.2" }, Ct);

        var call = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer " + FakeSlack.BotToken, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("1.2", call.Json!["thread_ts"]!.GetValue<string>());
        Assert.False(call.Json!["unfurl_links"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostMessage_OkFalse_ThrowsSlackApiExceptionWithSlacksError()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack, botToken: "xoxb-revoked");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Client(provider).PostMessageAsync(Message("C1", "hello"), Ct));

        Assert.Equal("invalid_auth", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
    }

    [Fact]
    public async Task OpenConnection_Always_AuthenticatesWithAppTokenAndReturnsFreshUrls()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack);

        var first = await Client(provider).OpenConnectionAsync(Ct);
        var second = await Client(provider).OpenConnectionAsync(Ct);

        Assert.All(slack.CallsTo("apps.connections.open"), c => Assert.Equal("Bearer " + FakeSlack.AppToken, c.Authorization));
        Assert.NotEqual(first, second);
        Assert.Equal("ws", first.Scheme);
    }

    [Fact]
    public async Task PostToResponseUrl_Always_SendsNoToken()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack);

        await Client(provider).PostToResponseUrlAsync(slack.ResponseUrl("r1"), new SlashCommandResponse("ephemeral", "hi", [new SectionBlock(SlackText.Markdown("hi"))]), Ct);

        var call = Assert.Single(slack.CallsTo("response_url"));
        Assert.Null(call.Authorization);
        Assert.Equal("ephemeral", call.Json!["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UploadImage_Always_RunsTheExternalUploadFlowIntoTheChannel()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var provider = Provider(slack);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        var fileId = await Client(provider).UploadImageAsync("C1", "1.5", new ReplyImage("chart.png", png, "Votes by band"), Ct);

        Assert.Equal("F0001", fileId);
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], slack.Calls.Select(c => c.Method));
        var calls = slack.Calls.ToArray();
        Assert.Contains("length=7", calls[0].Body, StringComparison.Ordinal);
        Assert.Null(calls[1].Authorization);
        Assert.Contains("channel_id=C1", calls[2].Body, StringComparison.Ordinal);
        Assert.Contains("thread_ts=1.5", calls[2].Body, StringComparison.Ordinal);
        Assert.Contains("F0001", Uri.UnescapeDataString(calls[2].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceOfAsync_ConfiguredChannelNeverUsed_AsksAuthTestOnceAndRemembers()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        var metadata = new BriefingBot.Articles.InMemoryMetadataStore();
        await using var provider = Provider(slack, configure: s => s.AddSingleton<BriefingBot.Storage.IMetadataStore>(metadata).AddChannelWorkspaces());
        var workspaces = provider.GetRequiredService<ChannelWorkspaces>();

        var first = await workspaces.TenantOfAsync("slack", "C-DIGEST", Ct);
        var again = await new ChannelWorkspaces(metadata).TenantOfAsync("slack", "C-DIGEST", Ct);

        Assert.Equal("slack:" + FakeSlack.TeamId, first);
        Assert.Equal(first, again);
        Assert.Single(slack.CallsTo("auth.test"));
    }

    private static PostMessageRequest Message(string channel, string text) =>
        new(channel, text, SlackRenderer.Render(ChatReply.Message(text))[0].Blocks);

    private static SlackApiClient Client(ServiceProvider provider) => provider.GetRequiredService<SlackApiClient>();

    private static ServiceProvider Provider(FakeSlack slack, string botToken = FakeSlack.BotToken, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = botToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:SigningSecret"] = "s",
            ["Slack:Mode"] = "Http",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSlack(BotMode.Worker, configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
