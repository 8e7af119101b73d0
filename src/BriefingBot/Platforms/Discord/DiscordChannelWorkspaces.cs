using BriefingBot.Chat;
using BriefingBot.Platforms.Discord.Rest;

namespace BriefingBot.Platforms.Discord;

/// <summary>A Discord channel's server: <c>guild_id</c> of <c>GET /channels/{id}</c>.</summary>
public sealed class DiscordChannelWorkspaces(DiscordRestClient rest) : IChannelWorkspaceSource
{
    public string Platform => Interactions.InteractionReader.PlatformName;

    public async Task<string?> WorkspaceOfAsync(string channelId, CancellationToken cancellationToken) =>
        (await rest.GetChannelAsync(channelId, cancellationToken)).GuildId;
}
