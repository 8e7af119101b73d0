using BriefingBot.Chat;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Keeps one Socket Mode connection up. On <c>warning</c> / <c>refresh_requested</c> (or a dropped socket) it
/// opens the next connection, with a fresh URL, before closing the old one; <c>link_disabled</c> stops the Slack side.
/// </summary>
public sealed partial class SlackSocketModeService(
    SlackApiClient api,
    Func<ISlackSocket> sockets,
    SlackEnvelopeHandler handler,
    PlatformStatus status,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    private const string PlatformName = "slack";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private int connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SlackSocketConnection? current = null;
        status.Expect(PlatformName);
        try
        {
            current = await ConnectAsync(stoppingToken);
            while (true)
            {
                var reason = await current.Disconnected.WaitAsync(stoppingToken);
                if (reason == "link_disabled")
                {
                    LogLinkDisabled();
                    status.Down(PlatformName, "stopped: link_disabled");
                    await current.CloseAsync(stoppingToken);
                    return;
                }

                var next = await ConnectAsync(stoppingToken);
                metrics.Reconnected(PlatformName);
                var old = current;
                current = next;
                await old.CloseAsync(stoppingToken);
                await old.DisposeAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    /// <summary>apps.connections.open then connect and wait for hello, retrying with back-off until it works or we stop.</summary>
    private async Task<SlackSocketConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            var number = Interlocked.Increment(ref connections);
            var connection = new SlackSocketConnection(sockets(), number, handler, time, metrics, logger);
            try
            {
                var url = await api.OpenConnectionAsync(cancellationToken);
                await connection.OpenAsync(url, cancellationToken);
                status.Up(PlatformName);
                return connection;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures)));
                LogConnectFailed(ex, number, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode is disabled for this app (link_disabled); the Slack side stops. Enable Socket Mode in the app settings and restart.")]
    private partial void LogLinkDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} failed; retrying in {DelaySeconds} s")]
    private partial void LogConnectFailed(Exception exception, int connection, double delaySeconds);
}
