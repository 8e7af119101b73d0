using BriefingBot.Chat;
using BriefingBot.Hosting;
using BriefingBot.Hosting.Telemetry;
using System.Text.Json;
using BriefingBot.Platforms.Discord.Interactions;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Discord.Gateway;

/// <summary>
/// Keeps one gateway session (one shard) alive: HELLO, jittered heartbeats with zombie detection, IDENTIFY paced by
/// <c>max_concurrency</c>, RESUME after drops, op 7 and op 9 (true), a fresh IDENTIFY after op 9 (false), and a single
/// clear log line and stop on close codes Discord marks as not reconnectable. Interactions are answered over REST.
/// </summary>
public sealed partial class DiscordGatewayService(
    IGatewayConnector connector,
    DiscordRestClient rest,
    InteractionHandler handler,
    IOptions<DiscordOptions> options,
    GatewayTimings timings,
    PlatformStatus status,
    TimeProvider time,
    BotMetrics metrics,
    ShutdownDrain drain,
    FatalError fatal,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    private const int DispatchOp = 0;
    private const int HeartbeatOp = 1;
    private const int ReconnectOp = 7;
    private const int InvalidSessionOp = 9;
    private const int HelloOp = 10;
    private const int HeartbeatAckOp = 11;
    private const int NoIntents = 0;
    private const string PlatformName = "discord";
    private static readonly TimeSpan QuickSession = TimeSpan.FromSeconds(5);

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private readonly ReplayedInteractions replayed = new();
    private string? sessionId;
    private Uri? resumeUrl;
    private long? sequence;
    private Uri? gatewayUrl;
    private int maxConcurrency = 1;
    private DateTimeOffset? lastIdentify;
    private long heartbeatsUnacknowledged;
    private int connects;

    /// <summary>The session state, for tests and diagnostics.</summary>
    public string? SessionId => sessionId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var quickEnds = 0;
        status.Expect(PlatformName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (gatewayUrl is null)
                {
                    await ResolveGatewayAsync(stoppingToken);
                }

                var resume = sessionId is not null && resumeUrl is not null;
                var url = WithQuery(resume ? resumeUrl! : gatewayUrl!);
                LogConnecting(resume);
                var connectedAt = time.GetUtcNow();
                var outcome = await ConnectAndRunAsync(url, resume, stoppingToken);

                // The socket is closed and disposed by now: no wait below holds it open.
                failures = 0;
                status.Down(PlatformName, "reconnecting");
                if (outcome.End == SessionEnd.Fatal)
                {
                    var code = outcome.Code ?? 0;
                    var explained = GatewayCloseCodes.Explain(code);
                    LogFatalClose(code, explained, outcome.Reason ?? string.Empty);
                    status.Down(PlatformName, $"stopped: close code {outcome.Code}");
                    if (outcome.Code == GatewayCloseCodes.AuthenticationFailed)
                    {
                        fatal.Stop(TokenRejectedMessage($"gateway close code {outcome.Code}"));
                    }

                    return;
                }

                if (outcome.End == SessionEnd.Reidentify)
                {
                    ForgetSession();
                }

                if (outcome.InvalidSession)
                {
                    await Task.Delay(InvalidSessionDelay(), time, stoppingToken);
                }

                // One quick reconnect is normal (op 7, a drop); a connection that keeps ending at once must not become a tight loop.
                quickEnds = time.GetUtcNow() - connectedAt < QuickSession ? quickEnds + 1 : 0;
                if (quickEnds > 1)
                {
                    await Task.Delay(Backoff(quickEnds - 1), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsTokenRejected(ex))
            {
                LogFatalClose(401, "Discord rejected the bot token: check Discord:Token", string.Empty);
                status.Down(PlatformName, "stopped: token rejected");
                fatal.Stop(TokenRejectedMessage("401 Unauthorized"));
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogConnectionFailed(ex, failures);
                if (failures >= 2)
                {
                    // The resume URL or the cached gateway URL may be stale: fall back to a fresh session from /gateway/bot.
                    ForgetSession();
                    gatewayUrl = null;
                }

                await Task.Delay(Backoff(failures), time, stoppingToken);
            }
        }
    }

    /// <summary>One connection from connect to close; the connection is disposed before this returns.</summary>
    private async Task<SessionOutcome> ConnectAndRunAsync(Uri url, bool resume, CancellationToken stoppingToken)
    {
        await using var connection = await connector.ConnectAsync(url, stoppingToken);
        if (++connects > 1)
        {
            metrics.Reconnected(PlatformName);
        }

        return await RunSessionAsync(connection, resume, stoppingToken);
    }

    private async Task<SessionOutcome> RunSessionAsync(IGatewayConnection connection, bool resume, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var zombie = false;
        Task heartbeats = Task.CompletedTask;

        // Shutting down: a close frame with 4000 (anything but 1000/1001) keeps the session resumable for whoever takes
        // this shard next. Cancelling a pending receive would abort the socket without any close frame, so the loop
        // below receives without the stopping token and ends when the close (or the abort after it) arrives.
        using var closeOnStop = stoppingToken.Register(() => _ = CloseForShutdownAsync(connection));
        try
        {
            var hello = await connection.ReceiveAsync(stoppingToken);
            if (hello.Message is null)
            {
                LogClosedBeforeHello(hello.CloseCode ?? 0, hello.CloseReason ?? string.Empty);
                return new(GatewayCloseCodes.Classify(hello.CloseCode), hello.CloseCode, hello.CloseReason);
            }

            var first = Parse(hello.Message);
            if (first.Op == ReconnectOp)
            {
                LogReconnectRequested();
                await connection.CloseAsync(GatewayCloseCodes.Resumable, stoppingToken);
                return new(SessionEnd.Resume, null, null);
            }

            if (first.Op != HelloOp || first.D?.Deserialize(Json.GatewayHello) is not { HeartbeatInterval: > 0 } helloData)
            {
                throw new InvalidDataException($"Expected HELLO (op 10) first, got op {first.Op}.");
            }

            Interlocked.Exchange(ref heartbeatsUnacknowledged, 0);
            heartbeats = HeartbeatLoopAsync(connection, TimeSpan.FromMilliseconds(helloData.HeartbeatInterval), () => zombie = true, session.Token);
            if (resume)
            {
                await SendAsync(connection, new GatewayResume(new ResumeData(options.Value.Token!, sessionId!, sequence)), Json.GatewayResume, stoppingToken);
            }
            else
            {
                await PaceIdentifyAsync(stoppingToken);
                await SendAsync(connection, Identify(), Json.GatewayIdentify, stoppingToken);
            }

            while (true)
            {
                GatewayReceive received;
                try
                {
                    received = await connection.ReceiveAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (stoppingToken.IsCancellationRequested)
                    {
                        return new(SessionEnd.Resume, null, null);
                    }

                    if (zombie)
                    {
                        LogZombie();
                    }
                    else
                    {
                        var error = ex.GetType().Name;
                        LogDropped(error);
                    }

                    return new(SessionEnd.Resume, null, null);
                }

                if (received.Message is null)
                {
                    if (received.CloseCode is null)
                    {
                        LogDropped("closed without a close code");
                    }
                    else
                    {
                        LogClosed(received.CloseCode.Value, received.CloseReason ?? string.Empty);
                    }

                    return new(zombie ? SessionEnd.Resume : GatewayCloseCodes.Classify(received.CloseCode), received.CloseCode, received.CloseReason);
                }

                var frame = Parse(received.Message);
                switch (frame.Op)
                {
                    case DispatchOp:
                        sequence = frame.S ?? sequence;
                        OnDispatch(frame, stoppingToken);
                        break;
                    case HeartbeatOp:
                        await SendAsync(connection, new GatewayHeartbeat(sequence), Json.GatewayHeartbeat, stoppingToken);
                        break;
                    case HeartbeatAckOp:
                        Interlocked.Exchange(ref heartbeatsUnacknowledged, 0);
                        break;
                    case ReconnectOp:
                        LogReconnectRequested();
                        await connection.CloseAsync(GatewayCloseCodes.Resumable, stoppingToken);
                        return new(SessionEnd.Resume, null, null);
                    case InvalidSessionOp:
                        var resumable = frame.D is { ValueKind: JsonValueKind.True };
                        LogInvalidSession(resumable);
                        await connection.CloseAsync(GatewayCloseCodes.Resumable, stoppingToken);

                        // Discord asks for a 1-5 s wait before identifying again: waited once this socket is disposed.
                        return new(resumable ? SessionEnd.Resume : SessionEnd.Reidentify, null, null, InvalidSession: !resumable);
                }
            }
        }
        finally
        {
            await session.CancelAsync();
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task CloseForShutdownAsync(IGatewayConnection connection)
    {
        await connection.CloseAsync(GatewayCloseCodes.Resumable, CancellationToken.None);
        LogClosedForShutdown(GatewayCloseCodes.Resumable);
    }

    private async Task HeartbeatLoopAsync(IGatewayConnection connection, TimeSpan interval, Action markZombie, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Read(ref heartbeatsUnacknowledged) > 0)
                {
                    // No ACK since the last beat: a zombie connection. Close resumably; the receive loop then resumes.
                    markZombie();
                    await connection.CloseAsync(GatewayCloseCodes.Resumable, cancellationToken);
                    return;
                }

                Interlocked.Increment(ref heartbeatsUnacknowledged);
                await SendAsync(connection, new GatewayHeartbeat(sequence), Json.GatewayHeartbeat, cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var error = ex.GetType().Name;
            LogHeartbeatFailed(error);
        }
    }

    private void OnDispatch(GatewayFrame frame, CancellationToken stoppingToken)
    {
        switch (frame.T)
        {
            case "READY" when frame.D?.Deserialize(Json.GatewayReady) is { } ready:
                sessionId = ready.SessionId;
                resumeUrl = new Uri(ready.ResumeGatewayUrl);
                LogReady(options.Value.ShardId, options.Value.ShardCount);
                status.Up(PlatformName);
                break;
            case "RESUMED":
                LogResumed(sequence ?? 0);
                status.Up(PlatformName);
                break;
            case "INTERACTION_CREATE" when frame.D?.Deserialize(Json.Interaction) is { } interaction:
                if (replayed.FirstTime(interaction.Id))
                {
                    _ = AnswerAsync(interaction, time.GetTimestamp(), drain.Begin());
                }

                break;
        }
    }

    /// <summary>Answers on <see cref="ShutdownDrain.Aborted"/>, not the stopping token: accepted work finishes on SIGTERM.</summary>
    private async Task AnswerAsync(Interaction interaction, long receivedAt, IDisposable lease)
    {
        using var held = lease;
        var stoppingToken = drain.Aborted;
        try
        {
            var outcome = await handler.HandleAsync(interaction, stoppingToken);
            await rest.RespondAsync(interaction.Id, interaction.Token, outcome.Response, stoppingToken);
            metrics.FirstResponse(PlatformName, time.GetElapsedTime(receivedAt));
            handler.RunAfter(outcome, interaction.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogInteractionFailed(ex, interaction.Id);
        }
    }

    private async Task ResolveGatewayAsync(CancellationToken cancellationToken)
    {
        var bot = await rest.GetGatewayBotAsync(cancellationToken);
        maxConcurrency = Math.Max(1, bot.SessionStartLimit.MaxConcurrency);
        if (bot.SessionStartLimit.Remaining <= 0)
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, bot.SessionStartLimit.ResetAfter));
            LogIdentifyBudgetSpent(wait.TotalMinutes);
            await Task.Delay(wait, time, cancellationToken);
        }

        gatewayUrl = options.Value.GatewayUrl ?? new Uri(bot.Url);
    }

    /// <summary>
    /// Shards sharing a rate-limit key (<c>shard_id % max_concurrency</c>) identify one per window, in shard order; this
    /// process also never identifies twice within one window.
    /// </summary>
    private async Task PaceIdentifyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wait = lastIdentify is { } last
            ? last + timings.IdentifyWindow - now
            : timings.IdentifyWindow * (options.Value.ShardId / maxConcurrency);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        lastIdentify = time.GetUtcNow();
    }

    private GatewayIdentify Identify() => new(new IdentifyData(
        options.Value.Token!,
        NoIntents,
        new IdentifyProperties(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", "briefingbot", "briefingbot"),
        [options.Value.ShardId, options.Value.ShardCount]));

    private void ForgetSession()
    {
        sessionId = null;
        resumeUrl = null;
        sequence = null;
    }

    private TimeSpan InvalidSessionDelay() =>
        timings.InvalidSessionDelayMin + ((timings.InvalidSessionDelayMax - timings.InvalidSessionDelayMin) * Random.Shared.NextDouble());

    private TimeSpan Backoff(int failures)
    {
        var delay = timings.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        delay = delay > timings.MaxReconnectDelay ? timings.MaxReconnectDelay : delay;
        return delay * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    internal static string TokenRejectedMessage(string how) =>
        $"Discord rejected the bot token ({how}): check {FatalError.Variable("Discord:Token")}";

    private static bool IsTokenRejected(Exception ex) => ex is DiscordApiException { StatusCode: 401 } or DiscordRequestRefusedException { TokenRejected: true };

    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    private static GatewayFrame Parse(byte[] message) =>
        JsonSerializer.Deserialize(message, Json.GatewayFrame) ?? throw new InvalidDataException("Empty gateway frame.");

    /// <summary>How a session ended: what to do next, the server's close code and reason when it closed, and whether op 9 asks for a wait first.</summary>
    private readonly record struct SessionOutcome(SessionEnd End, int? Code, string? Reason, bool InvalidSession = false);

    private static Task SendAsync<T>(IGatewayConnection connection, T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        connection.SendAsync(JsonSerializer.SerializeToUtf8Bytes(payload, type), cancellationToken);
}
