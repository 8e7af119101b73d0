using System.Net.WebSockets;
using System.Text;

namespace BriefingBot.Platforms.Slack;

/// <summary><see cref="ISlackSocket"/> on <see cref="ClientWebSocket"/>; sends are serialised because a WebSocket allows one at a time.</summary>
public sealed class ClientSlackSocket : ISlackSocket
{
    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);

    public int? CloseCode { get; private set; }

    public string? CloseReason { get; private set; }

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => socket.ConnectAsync(url, cancellationToken);

    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                CloseCode = (int?)result.CloseStatus;
                CloseReason = result.CloseStatusDescription;
                await AnswerCloseAsync();
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : string.Empty;
            }
        }
    }

    /// <summary>Echoes Slack's close frame at once (RFC 6455 5.5.1) instead of leaving the socket half-closed.</summary>
    private async Task AnswerCloseAsync()
    {
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            socket.Abort();
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", cancellationToken);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        sending.Dispose();
        return ValueTask.CompletedTask;
    }
}
