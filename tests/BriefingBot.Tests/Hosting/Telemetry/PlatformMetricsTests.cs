using BriefingBot.Chat;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Hosting.Telemetry;

/// <summary>The instruments as the platforms feed them, over real sockets against the fakes.</summary>
public sealed class PlatformMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlackSocketMode_CommandThenDroppedSocket_RecordsFirstResponseCommandAndReconnect()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        using var recorder = new MetricRecorder(bot.Services.GetRequiredService<BotMetrics>());
        var first = await slack.NextSessionAsync(Ct);

        await first.SendSlashCommandAsync("env-1", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);
        await first.ReceiveAsync(Ct);
        await first.CloseFromServerAsync(Ct);
        await slack.NextSessionAsync(Ct);
        await WaitUntilAsync(() => recorder.Of("briefingbot.reconnects").Count > 0);

        var latency = Assert.Single(recorder.Of("briefingbot.interaction.first_response"));
        Assert.Equal("slack", latency.Tags["platform"]);
        Assert.InRange(latency.Value, 0, 30);
        var command = Assert.Single(recorder.Of("briefingbot.commands"));
        Assert.Equal(("help", "slack", "answered"), (command.Tags["command"], command.Tags["platform"], command.Tags["outcome"]));
        Assert.Equal("slack", Assert.Single(recorder.Of("briefingbot.reconnects")).Tags["platform"]);
    }

    [Fact]
    public async Task DiscordGateway_InteractionThenOp7_RecordsFirstResponseAndReconnect()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Gateway.Enqueue(async socket =>
        {
            await listening.Task;
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("s-metrics");
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "9001"));
            await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/9001/", StringComparison.Ordinal));
            await socket.SendOpAsync(7);
            await socket.WaitClosedAsync();
        });
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Gateway);
        using var recorder = new MetricRecorder(bot.Services.GetRequiredService<BotMetrics>());
        listening.SetResult();

        await fake.Gateway.WaitForConnectionAsync(1);
        await WaitUntilAsync(() => recorder.Of("briefingbot.reconnects").Count > 0 && recorder.Of("briefingbot.interaction.first_response").Count > 0);

        Assert.Equal("discord", Assert.Single(recorder.Of("briefingbot.interaction.first_response")).Tags["platform"]);
        Assert.Equal("discord", Assert.Single(recorder.Of("briefingbot.reconnects")).Tags["platform"]);
        Assert.Contains(recorder.Of("briefingbot.commands"), m => m.Tags["command"] == "help" && m.Tags["platform"] == "discord");
    }

    [Fact]
    public async Task DiscordRest_BucketRateLimited_RecordsTheWaitForDiscord()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: new string('a', 64));
        using var recorder = new MetricRecorder(bot.Services.GetRequiredService<BotMetrics>());
        fake.RateLimitNext("/channels/1/messages", 1, 0.2, global: false);

        await bot.Services.GetRequiredService<IChatPlatform>().SendAsync("1", ChatReply.Message("hello"), Ct);

        var wait = Assert.Single(recorder.Of("briefingbot.rate_limit.wait"));
        Assert.Equal("discord", wait.Tags["platform"]);
        Assert.InRange(wait.Value, 0.1, 1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(20, Ct);
        }
    }
}
