using System.Text.Json;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// One Socket Mode connection: ready after <c>hello</c>; acknowledges each envelope on this socket; reports the
/// first disconnect reason (or <c>closed</c>). Closing waits for the acknowledgements still owed on this socket.
/// </summary>
public sealed partial class SlackSocketConnection(
    ISlackSocket socket, int number, SlackEnvelopeHandler handler, TimeProvider time, BotMetrics metrics, ILogger logger)
    : IAsyncDisposable
{
    public const string Closed = "closed";

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private int owed;
    private Task receiving = Task.CompletedTask;

    public int Number { get; } = number;

    /// <summary>The reason from Slack's <c>disconnect</c> message, or <see cref="Closed"/> when the socket ended without one.</summary>
    public Task<string> Disconnected => disconnect.Task;

    public async Task OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        await socket.ConnectAsync(url, cancellationToken);
        receiving = ReceiveAsync(stop.Token);
        await hello.Task.WaitAsync(HelloTimeout, time, cancellationToken);
    }

    /// <summary>Waits (at most Slack's ack deadline) for owed acknowledgements, then closes.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp();
        while (Volatile.Read(ref owed) > 0 && time.GetElapsedTime(deadline) < SlackLimits.AcknowledgeDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
        }

        await socket.CloseAsync(cancellationToken);
        await stop.CancelAsync();
        await receiving;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await receiving;
        await socket.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var beforeHello = true;
            while (await socket.ReceiveAsync(cancellationToken) is { } text)
            {
                if (Parse(text) is not { } frame)
                {
                    LogUnreadableFrame(Number);
                    continue;
                }

                switch (frame.Type)
                {
                    case "hello":
                        beforeHello = false;
                        LogHello(Number);
                        hello.TrySetResult();
                        break;
                    case "disconnect":
                        LogDisconnect(Number, frame.Reason ?? "?");
                        disconnect.TrySetResult(frame.Reason ?? Closed);
                        break;
                    default:
                        if (frame.EnvelopeId is not null)
                        {
                            Interlocked.Increment(ref owed);
                            var receivedAt = time.GetTimestamp();
                            _ = Task.Run(() => HandleAsync(frame, receivedAt), CancellationToken.None);
                        }

                        break;
                }
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                if (socket.CloseCode is { } code)
                {
                    LogClosed(Number, code, socket.CloseReason ?? string.Empty, beforeHello);
                }
                else
                {
                    LogDropped(Number, beforeHello);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogReceiveFailed(ex, Number);
        }
        finally
        {
            hello.TrySetException(new InvalidOperationException("The Socket Mode connection closed before hello."));
            disconnect.TrySetResult(Closed);
        }
    }

    private async Task HandleAsync(SocketFrame envelope, long receivedAt)
    {
        var acknowledged = 0;
        try
        {
            await handler.HandleAsync(envelope, async ack =>
            {
                await socket.SendAsync(JsonSerializer.Serialize(ack, SlackJsonContext.Default.SocketAck), CancellationToken.None);
                if (Interlocked.Exchange(ref acknowledged, 1) == 0)
                {
                    Interlocked.Decrement(ref owed);
                    metrics.FirstResponse(SlackContext.Platform, time.GetElapsedTime(receivedAt));
                }
            });
        }
        catch (Exception ex)
        {
            LogEnvelopeFailed(ex, envelope.EnvelopeId!);
        }
        finally
        {
            if (Interlocked.Exchange(ref acknowledged, 1) == 0)
            {
                Interlocked.Decrement(ref owed);
            }
        }
    }

    private static SocketFrame? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketFrame);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} ready")]
    private partial void LogHello(int connection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked connection {Connection} to disconnect: {Reason}")]
    private partial void LogDisconnect(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} closed with code {Code} (\"{CloseReason}\"; before hello: {BeforeHello})")]
    private partial void LogClosed(int connection, int code, string closeReason, bool beforeHello);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Connection} dropped without a close frame (before hello: {BeforeHello})")]
    private partial void LogDropped(int connection, bool beforeHello);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} sent a frame that is not JSON; ignored")]
    private partial void LogUnreadableFrame(int connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Connection} failed while receiving")]
    private partial void LogReceiveFailed(Exception exception, int connection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Socket Mode envelope {EnvelopeId} failed")]
    private partial void LogEnvelopeFailed(Exception exception, string envelopeId);
}
