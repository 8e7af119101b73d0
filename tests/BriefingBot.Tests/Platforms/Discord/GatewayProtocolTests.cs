using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Gateway;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>
/// The gateway client driven through its <see cref="IGatewayConnection"/> seam in memory, frame by frame, on a fake
/// clock: time moves only when the test completes a wait the client has started, so nothing sleeps. REST (the
/// gateway URL, interaction callbacks) is the loopback fake Discord.
/// </summary>
public sealed class GatewayProtocolTests : IAsyncLifetime
{
    private const int Interval = 41_250;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(Interval);

    private readonly ScriptedClock clock = new();
    private readonly InMemoryGatewayConnector connector = new();
    private readonly PlatformStatus status = new();
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;
    private DiscordGatewayService service = null!;

    public static TheoryData<int, bool, string?> DocumentedCloseCodes
    {
        get
        {
            var data = new TheoryData<int, bool, string?>();
            using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.Path, "platform-specs", "discord", "gateway-reference.json")));
            foreach (var code in reference.RootElement.GetProperty("close_codes").EnumerateArray())
            {
                data.Add(code.GetProperty("code").GetInt32(), code.GetProperty("reconnect").GetBoolean(), code.TryGetProperty("note", out var note) ? note.GetString() : null);
            }

            return data;
        }
    }

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();

        // The host in HTTP mode supplies REST and the interaction handler; the gateway client under test runs on its own.
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: new string('a', 64));
        service = ActivatorUtilities.CreateInstance<DiscordGatewayService>(
            bot.Services, connector, clock, status, new GatewayTimings { IdentifyWindow = TimeSpan.Zero });
        await service.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        await bot.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Hello_Identified_FirstBeatWithinOneIntervalThenEveryIntervalWithLastSequence()
    {
        var connection = await ConnectAsync("s-beat");
        connection.Dispatch("GUILD_CREATE", """{"id":"1"}""");
        await BarrierAsync(connection);

        var jitter = await clock.CompleteTimerAsync(d => d <= HeartbeatInterval);
        var first = await connection.ExpectAsync(1);
        connection.HeartbeatAck();
        await BarrierAsync(connection);
        var second = await NextBeatAsync(connection);

        Assert.InRange(jitter, TimeSpan.Zero, HeartbeatInterval);
        Assert.Equal(2, first.GetProperty("d").GetInt64());
        Assert.Equal(2, second.GetProperty("d").GetInt64());
        Assert.Equal(TimeSpan.FromMilliseconds(Interval), clock.GetUtcNow() - Start - jitter);
        Assert.Equal(PlatformStatus.Connected, status.Snapshot()["discord"]);
    }

    [Fact]
    public async Task Heartbeat_ServerSendsOp1_AnsweredAtOnceWithoutWaitingForTheTimer()
    {
        var connection = await ConnectAsync("s-op1");
        connection.Dispatch("GUILD_CREATE", """{"id":"1"}""");

        connection.Op(1);
        var beat = await connection.ExpectAsync(1);

        Assert.Equal(2, beat.GetProperty("d").GetInt64());
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task Heartbeat_AckLost_ZombieClosedResumablyAndResumedOnResumeUrl()
    {
        var first = await ConnectAsync("s-zombie");
        await clock.CompleteTimerAsync(d => d <= HeartbeatInterval);
        await first.ExpectAsync(1);

        await clock.CompleteTimerAsync(d => d == HeartbeatInterval);
        var code = await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = await connector.NextAsync();
        second.Hello(Interval);
        var resume = await second.ExpectAsync(6);

        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        Assert.Equal("wss://resume.test/?v=10&encoding=json", second.Url.ToString());
        Assert.Equal("s-zombie", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Contains("zombie", bot.AllLogText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesResumablyDisposesAndResumes()
    {
        var first = await ConnectAsync("s-op7");

        first.Op(7);
        var code = await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = await connector.NextAsync();

        Assert.Equal(GatewayCloseCodes.Resumable, code);
        Assert.True(first.Disposed);
        second.Hello(Interval);
        Assert.Equal("s-op7", (await second.ExpectAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Reconnect_Op7BeforeHello_ResumesNothingAndIdentifies()
    {
        var first = await connector.NextAsync();

        first.Op(7);
        await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = await connector.NextAsync();
        second.Hello(Interval);

        await second.ExpectAsync(2);
        Assert.Equal(first.Url, second.Url);
    }

    [Fact]
    public async Task InvalidSession_Op9False_SocketGoneDuringTheWaitThenFreshIdentify()
    {
        var first = await ConnectAsync("s-op9");

        first.Op(9, "false");
        await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var wait = await clock.WaitForTimerAsync(d => d >= TimeSpan.FromSeconds(1) && d <= TimeSpan.FromSeconds(5));

        Assert.True(first.Disposed, "the closed socket is still held during the op 9 wait");
        Assert.Single(connector.Connections);
        clock.Advance(wait);
        var second = await connector.NextAsync();
        second.Hello(Interval);
        var identify = await second.ExpectAsync(2);
        Assert.Equal(first.Url, second.Url);
        Assert.Equal(DiscordBotHost.Token, identify.GetProperty("d").GetProperty("token").GetString());
    }

    [Fact]
    public async Task InvalidSession_Op9True_ResumesAtOnce()
    {
        var first = await ConnectAsync("s-op9-true");

        first.Op(9, "true");
        var second = await connector.NextAsync();
        second.Hello(Interval);
        var resume = await second.ExpectAsync(6);

        Assert.Equal("s-op9-true", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Theory]
    [MemberData(nameof(DocumentedCloseCodes))]
    public async Task Close_EveryDocumentedCode_LoggedAnsweredAndHandledAsDocumented(int code, bool reconnect, string? note)
    {
        var first = await ConnectAsync("s-" + code);

        first.Close(code, "reason " + code);

        if (reconnect)
        {
            var second = await connector.NextAsync();
            second.Hello(Interval);
            var freshSession = note?.Contains("re-identify", StringComparison.Ordinal) == true;
            var frame = await second.ExpectAsync(freshSession ? 2 : 6);
            Assert.Equal(freshSession ? first.Url : new Uri("wss://resume.test/?v=10&encoding=json"), second.Url);
            Assert.Equal(freshSession ? 2 : 6, frame.GetProperty("op").GetInt32());
            Assert.Contains($"closed with code {code} (\"reason {code}\")", bot.AllLogText, StringComparison.Ordinal);
        }
        else
        {
            await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Single(connector.Connections);
            var critical = Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Critical);
            Assert.Contains($"closed with {code}", critical.Message, StringComparison.Ordinal);
            Assert.Contains($"reason {code}", critical.Message, StringComparison.Ordinal);
            Assert.Equal($"stopped: close code {code}", status.Snapshot()["discord"]);
        }

        Assert.True(first.Disposed);
    }

    [Fact]
    public async Task Close_BeforeHello_LoggedWithCodeAndReason()
    {
        var first = await connector.NextAsync();

        first.Close(4000, "too early");
        var second = await connector.NextAsync();
        second.Hello(Interval);
        await second.ExpectAsync(2);

        Assert.Contains("closed before HELLO with code 4000 (\"too early\")", bot.AllLogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_WithoutCloseCode_ResumesWithLastSequence()
    {
        var first = await ConnectAsync("s-drop");
        first.Dispatch("GUILD_CREATE", """{"id":"1"}""");
        await BarrierAsync(first);

        first.Drop();
        var second = await connector.NextAsync();
        second.Hello(Interval);
        var resume = await second.ExpectAsync(6);

        Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Contains("dropped", bot.AllLogText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Resume_ReplayedEvents_EachInteractionAnsweredOnceAndSequenceCarriedOn()
    {
        var first = await ConnectAsync("s-replay");
        first.Dispatch("INTERACTION_CREATE", InteractionJson.Command("help", id: "8001"));
        await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/8001/", StringComparison.Ordinal));
        first.Drop();

        var second = await connector.NextAsync();
        second.Hello(Interval);
        var resume = await second.ExpectAsync(6);
        second.Dispatch("INTERACTION_CREATE", InteractionJson.Command("help", id: "8001"), sequenceNumber: 2);
        second.Dispatch("INTERACTION_CREATE", InteractionJson.Command("help", id: "8002"), sequenceNumber: 3);
        second.Dispatch("RESUMED", "{}", sequenceNumber: 4);
        await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/8002/", StringComparison.Ordinal));
        var beat = await BarrierAsync(second);

        Assert.Equal(2, resume.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Equal(4, beat.GetProperty("d").GetInt64());
        Assert.Single(fake.Requests, r => r.Path.Contains("/interactions/8001/", StringComparison.Ordinal));
        Assert.All(fake.Requests.Where(r => r.Path.Contains("/interactions/", StringComparison.Ordinal)), r => Assert.Empty(DiscordSchema.Validate(r)));
        Assert.Equal(PlatformStatus.Connected, status.Snapshot()["discord"]);
    }

    [Fact]
    public async Task Stop_WhileConnected_ClosesResumablyNot1000()
    {
        var connection = await ConnectAsync("s-stop");

        await service.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(GatewayCloseCodes.Resumable, await connection.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    private static DateTimeOffset Start => new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Opens the next connection as Discord would: HELLO, the client's IDENTIFY, READY (sequence 1).</summary>
    private async Task<InMemoryGatewayConnection> ConnectAsync(string sessionId)
    {
        var connection = await connector.NextAsync();
        connection.Hello(Interval);
        var identify = await connection.ExpectAsync(2);
        Assert.Equal(0, identify.GetProperty("d").GetProperty("intents").GetInt32());
        connection.Ready(sessionId);
        return connection;
    }

    /// <summary>
    /// Asks for a heartbeat (op 1) and waits for it: the client handles frames in order, so everything sent before
    /// has been handled when the answer comes. Returns that heartbeat.
    /// </summary>
    private static async Task<JsonElement> BarrierAsync(InMemoryGatewayConnection connection)
    {
        connection.Op(1);
        return await connection.ExpectAsync(1);
    }

    private async Task<JsonElement> NextBeatAsync(InMemoryGatewayConnection connection)
    {
        await clock.CompleteTimerAsync(d => d == HeartbeatInterval);
        return await connection.ExpectAsync(1);
    }
}
