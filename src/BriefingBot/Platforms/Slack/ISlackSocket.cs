namespace BriefingBot.Platforms.Slack;

/// <summary>One Socket Mode WebSocket, text frames only: the seam a scripted fake can drive.</summary>
public interface ISlackSocket : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>The next text message, or null once the other side has closed.</summary>
    Task<string?> ReceiveAsync(CancellationToken cancellationToken);

    Task SendAsync(string text, CancellationToken cancellationToken);

    Task CloseAsync(CancellationToken cancellationToken);
}
