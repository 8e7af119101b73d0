using BriefingBot.Chat;
using BriefingBot.Hosting;
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
    FatalError fatal,
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

                if (reason == SlackSocketConnection.Closed)
                {
                    // The socket is gone: let it go now rather than hold it through the reconnect's back-off.
                    var dead = current;
                    current = null;
                    await dead.DisposeAsync();
                    status.Down(PlatformName, "reconnecting");
                }

                var next = await ConnectAsync(stoppingToken);
                metrics.Reconnected(PlatformName);
                var old = current;
                current = next;
                if (old is not null)
                {
                    // Slack asked to move (warning, refresh_requested): the new socket is up; the old one finishes its acks and closes.
                    await old.CloseAsync(stoppingToken);
                    await old.DisposeAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (current is not null)
            {
                // Shutting down: acknowledge what this socket already received (bounded by Slack's 3 s), then close it.
                await current.CloseAsync(CancellationToken.None);
                LogClosedForShutdown(current.Number);
            }
        }
        catch (SlackApiException ex) when (IsTokenRejected(ex))
        {
            LogTokenRejected(ex.Error);
            status.Down(PlatformName, "stopped: app token rejected");
            fatal.Stop($"Slack rejected the app-level token ({ex.Error}): check {FatalError.Variable("Slack:AppToken")}");
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
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !(ex is SlackApiException api && IsTokenRejected(api)))
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

    private static bool IsTokenRejected(SlackApiException ex) =>
        ex.Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired" or "not_allowed_token_type" or "http_401";

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} closed for shutdown")]
    private partial void LogClosedForShutdown(int connection);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack rejected the app-level token ({Error}); the Slack side stops")]
    private partial void LogTokenRejected(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode is disabled for this app (link_disabled); the Slack side stops. Enable Socket Mode in the app settings and restart.")]
    private partial void LogLinkDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} failed; retrying in {DelaySeconds} s")]
    private partial void LogConnectFailed(Exception exception, int connection, double delaySeconds);
}
