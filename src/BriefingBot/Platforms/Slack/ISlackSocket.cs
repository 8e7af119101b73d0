namespace BriefingBot.Platforms.Slack;

/// <summary>One Socket Mode WebSocket, text frames only: the seam a scripted fake can drive.</summary>
public interface ISlackSocket : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>
    /// The next text message, or null once the other side has closed (its close frame answered at once; then
    /// <see cref="CloseCode"/> and <see cref="CloseReason"/> say what it sent) or the connection dropped.
    /// </summary>
    Task<string?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>The close code the other side sent, or null while open or after a drop without a close frame.</summary>
    int? CloseCode { get; }

    string? CloseReason { get; }

    Task SendAsync(string text, CancellationToken cancellationToken);

    Task CloseAsync(CancellationToken cancellationToken);
}
