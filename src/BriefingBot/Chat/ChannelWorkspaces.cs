using System.Collections.Concurrent;
using BriefingBot.Chat.Commands;
using BriefingBot.Storage;

namespace BriefingBot.Chat;

/// <summary>
/// Which workspace (Discord server, Slack team) a channel is in, for what names only its channel: a digest channel
/// from configuration, a poll. Learned from every command used in the channel (<see cref="ChannelWorkspaceRecorder"/>),
/// else asked of the platform once (<see cref="IChannelWorkspaceSource"/>: Discord's channel object, Slack's
/// <c>auth.test</c>), and kept in metadata (<c>channel.workspace:{platform}:{channel}</c>), so it survives restarts
/// and is shared by replicas. The shell has no workspace.
/// </summary>
public sealed partial class ChannelWorkspaces(
    IMetadataStore? metadata = null, IEnumerable<IChannelWorkspaceSource>? sources = null, ILogger<ChannelWorkspaces>? logger = null)
{
    private const string ShellPlatform = "shell";

    private readonly ConcurrentDictionary<(string Platform, string Channel), string> known = new();

    public static string Key(string platform, string channelId) => $"channel.workspace:{platform}:{channelId}";

    /// <summary>The workspace id of the channel (<c>123</c>, <c>T1</c>), or null when it was never seen.</summary>
    public async Task<string?> WorkspaceOfAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        if (known.TryGetValue((platform, channelId), out var workspace))
        {
            return workspace;
        }

        if (metadata is null)
        {
            return null;
        }

        if (await metadata.GetAsync(Key(platform, channelId), cancellationToken) is not { } stored)
        {
            if (await AskPlatformAsync(platform, channelId, cancellationToken) is not { } asked)
            {
                return null;
            }

            await metadata.SetAsync(Key(platform, channelId), asked, cancellationToken);
            stored = asked;
        }

        known[(platform, channelId)] = stored;
        return stored;
    }

    /// <summary>The tenant (<c>discord:123</c>) of the channel, or null when its workspace is unknown.</summary>
    public async Task<string?> TenantOfAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        await WorkspaceOfAsync(platform, channelId, cancellationToken) is { } workspace ? platform + ":" + workspace : null;

    /// <summary>
    /// Whose articles a message posted in the channel may show: null (all) in the shell, the channel's workspace, and ""
    /// (the shared articles only) while its workspace is unknown.
    /// </summary>
    public async Task<string?> ReaderTenantAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        platform == ShellPlatform ? null : await TenantOfAsync(platform, channelId, cancellationToken) ?? "";

    /// <summary>The platform's answer; null when it has no source, says none, or fails (asked again next time).</summary>
    private async Task<string?> AskPlatformAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        if (sources?.FirstOrDefault(s => s.Platform == platform) is not { } source)
        {
            return null;
        }

        try
        {
            return await source.WorkspaceOfAsync(channelId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (logger is not null)
            {
                LogAskFailed(logger, ex, platform);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask {Platform} which workspace a channel is in")]
    private static partial void LogAskFailed(ILogger logger, Exception exception, string platform);

    /// <summary>Remembers the command's channel and workspace (once per process; a channel does not change workspace).</summary>
    public async Task LearnAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.IsOperator || metadata is null || (known.TryGetValue((context.Platform, context.ChannelId), out var seen) && seen == context.WorkspaceId))
        {
            return;
        }

        await metadata.SetAsync(Key(context.Platform, context.ChannelId), context.WorkspaceId, cancellationToken);
        known[(context.Platform, context.ChannelId)] = context.WorkspaceId;
    }
}
