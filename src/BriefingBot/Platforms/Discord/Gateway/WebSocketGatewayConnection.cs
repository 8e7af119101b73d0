using System.Net.WebSockets;
using BriefingBot.Platforms.Discord.Rest;

namespace BriefingBot.Platforms.Discord.Gateway;

/// <summary>Opens gateway WebSockets with the same <c>DiscordBot (url, version)</c> User-Agent as REST.</summary>
public sealed class WebSocketGatewayConnector : IGatewayConnector
{
    public async Task<IGatewayConnection> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetRequestHeader("User-Agent", DiscordAuthHandler.UserAgent);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return new WebSocketGatewayConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A <see cref="ClientWebSocket"/> that sends one message at a time and reassembles fragmented messages.</summary>
public sealed class WebSocketGatewayConnection(ClientWebSocket socket) : IGatewayConnection
{
    private readonly SemaphoreSlim sendGate = new(1, 1);

    public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        await sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendGate.Release();
        }
    }

    public async Task<GatewayReceive> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var code = (int?)socket.CloseStatus;
                var reason = socket.CloseStatusDescription;
                await AnswerCloseAsync(code);
                return new GatewayReceive(null, code, reason);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new GatewayReceive(message.ToArray(), null);
            }
        }
    }

    /// <summary>Echoes the server's close frame at once (RFC 6455 5.5.1), then lets the socket go.</summary>
    private async Task AnswerCloseAsync(int? code)
    {
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(Echo(code), null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ArgumentException)
        {
            // The other side is gone already.
        }
        finally
        {
            socket.Abort();
        }
    }

    /// <summary>The server's own code where a client may send it; otherwise a normal closure.</summary>
    private static WebSocketCloseStatus Echo(int? code) => code switch
    {
        null => WebSocketCloseStatus.Empty,
        (>= 1000 and <= 1003) or (>= 1007 and <= 1011) or (>= 3000 and <= 4999) => (WebSocketCloseStatus)code.Value,
        _ => WebSocketCloseStatus.NormalClosure,
    };

    public async Task CloseAsync(int code, CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone: nothing to close.
        }
        finally
        {
            socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
