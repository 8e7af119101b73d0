using BriefingBot.Chat;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>
/// The Socket Mode client driven through its <see cref="ISlackSocket"/> seam in memory on a fake clock: hello,
/// envelopes and acks, disconnect reasons, close frames (before and after hello) and the back-off, with no sleeps.
/// apps.connections.open and response_url are the loopback fake Slack.
/// </summary>
public sealed class SocketModeProtocolTests : IAsyncLifetime
{
    private readonly ScriptedClock clock = new();
    private readonly InMemorySlackSockets sockets = new();
    private readonly PlatformStatus status = new();
    private FakeSlack slack = null!;
    private SlackTestHost host = null!;
    private SlackSocketModeService service = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        slack = await FakeSlack.StartAsync(Ct);

        // The host in HTTP mode supplies the Web API client and the envelope handler; the socket client runs on its own.
        host = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);
        service = ActivatorUtilities.CreateInstance<SlackSocketModeService>(host.Services, (Func<ISlackSocket>)sockets.Create, clock, status);
        await service.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing waits (on the clock) for acks still owed: keep time moving until the client has stopped.
        var stopping = service.StopAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!stopping.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.WhenAny(stopping, Task.Delay(5, CancellationToken.None));
        }

        await stopping;
        service.Dispose();
        await host.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Hello_ThenSlashCommand_AckedOnTheSameSocketWithTheAnswer()
    {
        var socket = await sockets.NextAsync();
        socket.Hello();

        socket.SlashCommand("env-1", "/help", slack.ResponseUrl("r1").AbsoluteUri);
        var ack = await socket.NextAckAsync();

        Assert.Equal("env-1", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.StartsWith("ws://", socket.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal(PlatformStatus.Connected, status.Snapshot()["slack"]);
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Disconnect_Refresh_NextSocketReadyBeforeTheOldOneCloses(string reason)
    {
        var first = await sockets.NextAsync();
        first.Hello();

        first.Disconnect(reason);
        var second = await sockets.NextAsync();

        Assert.False(first.ClosedByClient.IsCompleted, "the old socket closed before the new one said hello");
        second.Hello();
        await first.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(second.ClosedByClient.IsCompleted);
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsWithoutReconnecting()
    {
        var first = await sockets.NextAsync();
        first.Hello();

        first.Disconnect("link_disabled");
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Single(sockets.All);
        Assert.Equal("stopped: link_disabled", status.Snapshot()["slack"]);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("link_disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_BySlack_LoggedWithCodeAndReasonAndLetGoBeforeReconnecting()
    {
        var first = await sockets.NextAsync();
        first.Hello();

        first.Close(1011, "server error");
        var second = await sockets.NextAsync();

        Assert.True(first.Disposed, "the dead socket was still held while reconnecting");
        second.Hello();
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("closed with code 1011 (\"server error\"; before hello: False)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_BeforeHello_LoggedThenRetriedAfterBackOffOnTheClock()
    {
        var first = await sockets.NextAsync();

        first.Close(1008, "no hello for you");
        var backOff = await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(1));

        Assert.Single(sockets.All);
        Assert.True(first.Disposed);
        clock.Advance(backOff);
        var second = await sockets.NextAsync();
        second.Hello();
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("closed with code 1008 (\"no hello for you\"; before hello: True)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hello_NeverComes_GivesUpAfterThirtySecondsAndRetries()
    {
        var first = await sockets.NextAsync();

        await clock.CompleteTimerAsync(d => d == TimeSpan.FromSeconds(30));
        await clock.CompleteTimerAsync(d => d == TimeSpan.FromSeconds(1));
        var second = await sockets.NextAsync();

        Assert.True(first.Disposed);
        second.Hello();
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
    }
}
