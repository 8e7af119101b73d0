using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Storage;

namespace BriefingBot.Digests;

/// <summary>
/// Which workspace a channel's scheduled digest is for, remembered when it is scheduled from chat (metadata key
/// <c>digest.tenant:{platform}:{channel}</c>), so that a scheduled run holds only that workspace's articles and the shared
/// ones. A digest scheduled by the operator (shell) sees everything; one from configuration is for the workspace its
/// channel is in (<see cref="ChannelWorkspaces"/>: learned once anyone uses the bot there), and holds only the shared
/// articles until then.
/// </summary>
public static class DigestTenants
{
    private const string Everything = "*";

    public static string Key(string platform, string channelId) => $"digest.tenant:{platform}:{channelId}";

    public static Task RememberAsync(IMetadataStore? metadata, CommandContext context, CancellationToken cancellationToken) =>
        metadata is null
            ? Task.CompletedTask
            : metadata.SetAsync(Key(context.Platform, context.ChannelId), ArticleVisibility.TenantOf(context) ?? Everything, cancellationToken);

    /// <summary>
    /// Null (everything) without a metadata store; for a channel never scheduled from chat, the workspace it is in, else
    /// "" (shared only).
    /// </summary>
    public static async Task<string?> ForChannelAsync(
        IMetadataStore? metadata, string platform, string channelId, CancellationToken cancellationToken, ChannelWorkspaces? workspaces = null)
    {
        if (metadata is null)
        {
            return null;
        }

        var tenant = await metadata.GetAsync(Key(platform, channelId), cancellationToken);
        if (tenant is null && workspaces is not null)
        {
            tenant = await workspaces.TenantOfAsync(platform, channelId, cancellationToken);
        }

        return tenant == Everything ? null : tenant ?? "";
    }
}
