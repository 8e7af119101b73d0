using BriefingBot.Articles;
using BriefingBot.Chat.Commands;
using BriefingBot.Storage;

namespace BriefingBot.Digests;

/// <summary>
/// Which workspace a channel's scheduled digest is for, remembered when it is scheduled from chat (metadata key
/// <c>digest.tenant:{platform}:{channel}</c>), so that a scheduled run holds only that workspace's articles and the shared
/// ones. A digest scheduled by the operator (shell) sees everything; one from configuration, only the shared articles.
/// </summary>
public static class DigestTenants
{
    private const string Everything = "*";

    public static string Key(string platform, string channelId) => $"digest.tenant:{platform}:{channelId}";

    public static Task RememberAsync(IMetadataStore? metadata, CommandContext context, CancellationToken cancellationToken) =>
        metadata is null
            ? Task.CompletedTask
            : metadata.SetAsync(Key(context.Platform, context.ChannelId), ArticleVisibility.TenantOf(context) ?? Everything, cancellationToken);

    /// <summary>Null (everything) without a metadata store; "" (shared only) for a channel never scheduled from chat.</summary>
    public static async Task<string?> ForChannelAsync(IMetadataStore? metadata, string platform, string channelId, CancellationToken cancellationToken)
    {
        if (metadata is null)
        {
            return null;
        }

        var tenant = await metadata.GetAsync(Key(platform, channelId), cancellationToken);
        return tenant == Everything ? null : tenant ?? "";
    }
}
