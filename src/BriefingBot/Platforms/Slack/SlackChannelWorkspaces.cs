using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>A Slack channel's team: the bot token belongs to one team, which <c>auth.test</c> names.</summary>
public sealed class SlackChannelWorkspaces(SlackApiClient api) : IChannelWorkspaceSource
{
    public string Platform => SlackContext.Platform;

    public Task<string?> WorkspaceOfAsync(string channelId, CancellationToken cancellationToken) => api.GetTeamIdAsync(cancellationToken);
}
