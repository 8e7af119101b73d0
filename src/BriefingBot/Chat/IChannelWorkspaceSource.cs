namespace BriefingBot.Chat;

/// <summary>Asks a platform which workspace a channel is in, for a channel nobody has used the bot in yet.</summary>
public interface IChannelWorkspaceSource
{
    /// <summary>The platform name (<c>discord</c>, <c>slack</c>).</summary>
    string Platform { get; }

    /// <summary>The workspace id, or null when the channel is in none (a DM) or the platform does not say.</summary>
    Task<string?> WorkspaceOfAsync(string channelId, CancellationToken cancellationToken);
}
