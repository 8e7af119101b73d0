namespace BriefingBot.Platforms.Discord.Gateway;

/// <summary>One gateway WebSocket: whole text messages in and out. The seam a scripted fake can drive.</summary>
public interface IGatewayConnection : IAsyncDisposable
{
    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// The next whole message, or the close code and reason when the other side closed; a close frame from the other
    /// side is answered at once, so the connection is closed when this returns a close.
    /// </summary>
    Task<GatewayReceive> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="code"/> and drops the connection without waiting for the echo.</summary>
    Task CloseAsync(int code, CancellationToken cancellationToken);
}

public interface IGatewayConnector
{
    Task<IGatewayConnection> ConnectAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>Either a message or, when <see cref="Message"/> is null, a close with <see cref="CloseCode"/> (null: no code) and its reason.</summary>
public readonly record struct GatewayReceive(byte[]? Message, int? CloseCode, string? CloseReason = null);
