using System.Net.WebSockets;

namespace BriefingBot.Platforms.Discord.Gateway;

public sealed class WebSocketGatewayConnector : IGatewayConnector
{
    public async Task<IGatewayConnection> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
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
                return new GatewayReceive(null, (int?)socket.CloseStatus);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new GatewayReceive(message.ToArray(), null);
            }
        }
    }

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
