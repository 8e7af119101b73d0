using System.Text.Json;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Rest;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>
/// End-to-end checks of the gateway client over a real loopback WebSocket, the bot configured by keys only. The
/// protocol itself (heartbeats, zombie, op 7, op 9, every close code, resume replay) is covered frame by frame on a
/// fake clock in <see cref="GatewayProtocolTests"/>.
/// </summary>
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;
    private DiscordBotHost? bot;

    public async ValueTask InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Start_WellBehavedGateway_IdentifiesWithTokenNoIntentsAndShard()
    {
        await StartBotAsync();

        var connection = await fake.Gateway.WaitForConnectionAsync(0);
        var identify = await WaitForFrameAsync(connection, 2);

        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        Assert.Equal(DiscordAuthHandler.UserAgent, connection.UserAgent);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [^)]+\)$", connection.UserAgent);
        var d = identify.GetProperty("d");
        Assert.Equal(DiscordBotHost.Token, d.GetProperty("token").GetString());
        Assert.Equal(0, d.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("briefingbot", d.GetProperty("properties").GetProperty("browser").GetString());
        var gatewayBot = fake.Requests.Single(r => r.Path == "/api/v10/gateway/bot");
        Assert.Equal($"Bot {DiscordBotHost.Token}", gatewayBot.Authorization);
        Assert.DoesNotContain(DiscordBotHost.Token, bot!.AllLogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_WithInteractionsInFlight_ResumesAndAnswersEachInteractionOnce()
    {
        fake.Gateway.Enqueue(async socket =>
        {
            await HandshakeAsync(socket, "s-drop");
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "5001"));
            await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/5001/", StringComparison.Ordinal));
            socket.Abort();
        });
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            var resume = await socket.ExpectAsync(6);
            Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt64());

            // Discord replays what followed the client's last sequence; a duplicate of 5001 must not be answered twice.
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "5001"), sequenceNumber: 2);
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "5002"), sequenceNumber: 3);
            await socket.DispatchAsync("RESUMED", "{}", sequenceNumber: 4);
            await socket.WaitClosedAsync();
        });
        await StartBotAsync();

        var callback = await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/5002/", StringComparison.Ordinal));
        await WaitForLogAsync("resumed");

        Assert.Equal($"/api/v10/interactions/5002/{InteractionJson.InteractionToken}/callback", callback.Path);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Empty(DiscordSchema.Validate(callback));
        Assert.Single(fake.Requests, r => r.Path.Contains("/interactions/5001/", StringComparison.Ordinal));
        Assert.Equal("/resume", fake.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task Close_ServerCloseFrame_AnsweredAtOnceAndLoggedWithCodeAndReason()
    {
        var answered = new TaskCompletionSource<(int? Code, TimeSpan After)>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Gateway.Enqueue(async socket =>
        {
            await HandshakeAsync(socket, "s-echo");
            var sent = System.Diagnostics.Stopwatch.StartNew();
            await socket.CloseAsync(4000, "server restarting");
            var code = await socket.WaitClosedAsync();
            answered.TrySetResult((code, sent.Elapsed));
        });
        await StartBotAsync();

        var (echoed, after) = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(4000, echoed);
        Assert.True(after < TimeSpan.FromSeconds(2), $"close answered after {after}");
        await WaitForLogAsync("closed with code 4000 (\"server restarting\")");
        await WaitForFrameAsync(await fake.Gateway.WaitForConnectionAsync(1), 6);
    }

    [Fact]
    public async Task Close_BeforeHello_LoggedWithCodeAndReasonThenReconnects()
    {
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.CloseAsync(4000, "not ready");
            await socket.WaitClosedAsync();
        });
        await StartBotAsync();

        await WaitForLogAsync("closed before HELLO with code 4000 (\"not ready\")");
        await WaitForFrameAsync(await fake.Gateway.WaitForConnectionAsync(1), 2);
    }

    [Fact]
    public async Task Close_EveryConnectionAtOnce_BacksOffInsteadOfLooping()
    {
        for (var i = 0; i < 200; i++)
        {
            fake.Gateway.Enqueue(async socket =>
            {
                await socket.HelloAsync(45_000);
                await socket.CloseAsync(4000);
                await socket.WaitClosedAsync();
            });
        }

        await StartBotAsync();
        await fake.Gateway.WaitForConnectionAsync(2);
        await Task.Delay(1500, TestContext.Current.CancellationToken);

        Assert.InRange(fake.Gateway.Connections.Count, 3, 15);
    }

    [Fact]
    public async Task Identify_SecondShardWithConcurrencyOne_WaitsItsTurnAndSendsShard()
    {
        var helloSent = DateTimeOffset.MinValue;
        fake.Gateway.Enqueue(async socket =>
        {
            helloSent = DateTimeOffset.UtcNow;
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("shard-1");
            await socket.WaitClosedAsync();
        });
        await StartBotAsync(new() { ["Discord:ShardId"] = "1", ["Discord:ShardCount"] = "2" });

        var connection = await fake.Gateway.WaitForConnectionAsync(0);
        var identify = await WaitForFrameAsync(connection, 2);
        var identifiedAt = DateTimeOffset.UtcNow;

        Assert.Equal([1, 2], identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(identifiedAt - helloSent >= TimeSpan.FromMilliseconds(190), $"identified after {identifiedAt - helloSent}");
    }

    [Fact]
    public async Task Interaction_ViaGateway_AnsweredThroughCallbackEndpoint()
    {
        fake.Gateway.Enqueue(async socket =>
        {
            await HandshakeAsync(socket, "s-int");
            var options = """[{"type":3,"name":"command","value":"help"}]""";
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", options, id: "6001"));
            await socket.WaitClosedAsync();
        });
        await StartBotAsync();

        var callback = await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/6001/", StringComparison.Ordinal));

        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal("/help [command]", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(DiscordSchema.Validate(callback));
    }

    private async Task StartBotAsync(Dictionary<string, string?>? settings = null) =>
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Gateway, settings: settings);

    private static async Task HandshakeAsync(FakeGatewaySocket socket, string sessionId, int heartbeatMs = 45_000)
    {
        await socket.HelloAsync(heartbeatMs);
        await socket.ExpectAsync(2);
        await socket.ReadyAsync(sessionId);
    }

    private static List<JsonElement> Snapshot(FakeGatewaySocket socket)
    {
        lock (socket.Received)
        {
            return [.. socket.Received];
        }
    }

    private static async Task<JsonElement> WaitForFrameAsync(FakeGatewaySocket socket, int op)
    {
        JsonElement? found = null;
        await WaitUntilAsync(() => (found = Snapshot(socket).Cast<JsonElement?>().FirstOrDefault(f => f!.Value.GetProperty("op").GetInt32() == op)) is not null);
        return found!.Value;
    }

    private async Task WaitForLogAsync(string text) =>
        await WaitUntilAsync(() => bot!.AllLogText.Contains(text, StringComparison.OrdinalIgnoreCase), $"log line containing '{text}'");

    private static async Task WaitUntilAsync(Func<bool> condition, string what = "condition")
    {
        for (var i = 0; i < 500; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
