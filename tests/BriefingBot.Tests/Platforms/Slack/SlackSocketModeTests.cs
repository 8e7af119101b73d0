using System.Text.Json.Nodes;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackSocketModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_HelloThenSlashCommand_AckCarriesTheInlineAnswer()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var session = await slack.NextSessionAsync(Ct);

        await session.SendSlashCommandAsync("env-1", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);
        var ack = await session.ReceiveAsync(Ct, SlackLimits.AcknowledgeDeadline);

        Assert.Equal("env-1", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("/help [command]", ack["payload"]!["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Bearer " + FakeSlack.AppToken, Assert.Single(slack.CallsTo("apps.connections.open")).Authorization);
        Assert.Empty(session.SchemaErrors);
    }

    [Fact]
    public async Task Envelope_SlowCommand_AckedEmptyInTimeThenAnsweredThroughResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct, s => s.AddCommand<SlowCommand>(), TimeSpan.FromMilliseconds(300));
        var session = await slack.NextSessionAsync(Ct);

        await session.SendSlashCommandAsync("env-slow", "/slow", "", slack.ResponseUrl("r9").AbsoluteUri, Ct);
        var ack = await session.ReceiveAsync(Ct, SlowCommand.Delay);

        Assert.Equal("env-slow", ack["envelope_id"]!.GetValue<string>());
        Assert.Null(ack["payload"]);
        var answer = Assert.Single(await slack.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal("slow answer done", answer.Text);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("/response/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Envelope_EventsApi_AckedWithoutPayloadThenHandled()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var session = await slack.NextSessionAsync(Ct);
        var mention = JsonNode.Parse("""{"type":"event_callback","event_id":"Ev9","event":{"type":"app_mention","user":"U2","text":"hi","channel":"C7","ts":"5.5"}}""")!;

        await session.SendEnvelopeAsync("events_api", "env-ev", mention, acceptsResponsePayload: false, Ct);
        var ack = await session.ReceiveAsync(Ct);

        Assert.Equal("""{"envelope_id":"env-ev"}""", ack.ToJsonString());
        var post = Assert.Single(await slack.WaitForCallsAsync("chat.postMessage", 1, Ct));
        Assert.Equal("C7", post.Json!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Envelope_UnusablePayload_StillAcknowledged()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var session = await slack.NextSessionAsync(Ct);

        await session.SendEnvelopeAsync("slash_commands", "env-bad", JsonValue.Create("not an object"), acceptsResponsePayload: true, Ct);

        Assert.Equal("env-bad", (await session.ReceiveAsync(Ct))["envelope_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Disconnect_RefreshOrWarning_OpensNewConnectionBeforeClosingOldAndLosesNothing(string reason)
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        slack.AutoHello = false;
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var first = await slack.NextSessionAsync(Ct);
        await first.SendHelloAsync(Ct);

        await first.SendDisconnectAsync(reason, Ct);
        var second = await slack.NextSessionAsync(Ct);

        // The new socket is connected but not yet ready: the old one must still be open and answering.
        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.False(first.Closed.IsCompleted);
        await first.SendSlashCommandAsync("env-old", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);
        Assert.Equal("env-old", (await first.ReceiveAsync(Ct))["envelope_id"]!.GetValue<string>());

        await second.SendHelloAsync(Ct);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await second.SendSlashCommandAsync("env-new", "/help", "", slack.ResponseUrl("r2").AbsoluteUri, Ct);
        Assert.Equal("env-new", (await second.ReceiveAsync(Ct))["envelope_id"]!.GetValue<string>());
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsWithOneClearLogLineAndNoReconnect()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var session = await slack.NextSessionAsync(Ct);

        await session.SendDisconnectAsync("link_disabled", Ct);
        await session.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await Task.Delay(1500, Ct);

        Assert.Single(slack.CallsTo("apps.connections.open"));
        var line = Assert.Single(bot.Logs.Entries, e => e.Message.Contains("link_disabled", StringComparison.Ordinal) && e.Level == LogLevel.Error);
        Assert.Contains("Slack side stops", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_DroppedWithoutDisconnect_ReconnectsWithFreshUrl()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var first = await slack.NextSessionAsync(Ct);

        await first.CloseFromServerAsync(Ct);
        var second = await slack.NextSessionAsync(Ct);
        await second.SendSlashCommandAsync("env-after-drop", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);

        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal("env-after-drop", (await second.ReceiveAsync(Ct))["envelope_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Socket_ClosedBySlack_CloseAnsweredAtOnceLoggedWithCodeAndReason()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var first = await slack.NextSessionAsync(Ct);

        var closing = System.Diagnostics.Stopwatch.StartNew();
        await first.CloseFromServerAsync(Ct);
        var answer = await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var after = closing.Elapsed;
        await slack.NextSessionAsync(Ct);

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, answer);
        Assert.True(after < TimeSpan.FromSeconds(2), $"close answered after {after}");
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("closed with code 1001 (\"gone\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_ConnectionsOpenRateLimited_WaitsRetryAfterThenConnects()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        slack.RateLimit("apps.connections.open", 2);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);

        var session = await slack.NextSessionAsync(Ct);

        Assert.Equal(2, slack.RateLimitedCount);
        Assert.Equal(3, slack.CallsTo("apps.connections.open").Count);
        Assert.NotNull(session.Ticket);
    }

    [Fact]
    public async Task Events_RateLimitStorm_DelaysMessagesButLosesNone()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct);
        var session = await slack.NextSessionAsync(Ct);
        slack.RateLimit("chat.postMessage", 4);

        for (var i = 1; i <= 3; i++)
        {
            var mention = new JsonObject
            {
                ["type"] = "event_callback",
                ["event_id"] = $"Ev{i}",
                ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U2", ["text"] = "hi", ["channel"] = $"C{i}", ["ts"] = $"{i}.0" },
            };
            await session.SendEnvelopeAsync("events_api", $"env-{i}", mention, acceptsResponsePayload: false, Ct);
            Assert.Equal($"env-{i}", (await session.ReceiveAsync(Ct))["envelope_id"]!.GetValue<string>());
        }

        await slack.WaitForCallsAsync("chat.postMessage", 7, Ct, TimeSpan.FromSeconds(30));
        await Task.Delay(300, Ct);
        var delivered = slack.CallsTo("chat.postMessage").Select(c => c.Json!["channel"]!.GetValue<string>()).Distinct().Order();
        Assert.Equal(["C1", "C2", "C3"], delivered);
        Assert.Equal(4, slack.RateLimitedCount);
        Assert.Equal(7, slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task Run_Always_LogsNoTokenOrSecret()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using (var bot = await SlackTestHost.StartAsync(slack, SlackMode.SocketMode, Ct))
        {
            var session = await slack.NextSessionAsync(Ct);
            await session.SendSlashCommandAsync("env-1", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);
            await session.ReceiveAsync(Ct);
            await session.SendDisconnectAsync("refresh_requested", Ct);
            await slack.NextSessionAsync(Ct);

            Assert.NotEmpty(bot.Logs.Entries);
            Assert.DoesNotContain(bot.Logs.Entries, e =>
                e.Message.Contains("xoxb-", StringComparison.Ordinal) || e.Message.Contains("xapp-", StringComparison.Ordinal)
                || e.Message.Contains(SlackTestHost.SigningSecret, StringComparison.Ordinal) || e.Message.Contains("ticket=", StringComparison.Ordinal));
        }
    }
}
