using System.Collections.Concurrent;
using BriefingBot.Chat.Commands;
using BriefingBot.Storage;

namespace BriefingBot.Chat;

/// <summary>
/// Which workspace (Discord server, Slack team) a channel is in, for what names only its channel: a digest channel
/// from configuration, a poll. Learned from every command used in the channel (<see cref="ChannelWorkspaceRecorder"/>),
/// else asked of the platform (<see cref="IChatPlatform.WorkspaceOfChannelAsync"/>), and kept in metadata
/// (<c>channel.workspace:{platform}:{channel}</c>), so it survives restarts and is shared by replicas. The shell has no
/// workspace.
/// </summary>
public sealed partial class ChannelWorkspaces(
    IMetadataStore? metadata = null,
    IEnumerable<IChatPlatform>? platforms = null,
    TimeProvider? time = null,
    ILogger<ChannelWorkspaces>? logger = null)
{
    private const string ShellPlatform = "shell";

    /// <summary>A channel the platform could not place is asked again after this, not on every card or digest.</summary>
    private static readonly TimeSpan RetryUnknownAfter = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<(string Platform, string Channel), string> known = new();
    private readonly ConcurrentDictionary<(string Platform, string Channel), DateTimeOffset> unknownSince = new();
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public static string Key(string platform, string channelId) => $"channel.workspace:{platform}:{channelId}";

    /// <summary>The workspace id of the channel (<c>123</c>, <c>T1</c>), or null when neither chat nor the platform can tell.</summary>
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

        if (await metadata.GetAsync(Key(platform, channelId), cancellationToken) is { } stored)
        {
            known[(platform, channelId)] = stored;
            return stored;
        }

        return await AskPlatformAsync(platform, channelId, cancellationToken);
    }

    private async Task<string?> AskPlatformAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (platform == ShellPlatform || (unknownSince.TryGetValue((platform, channelId), out var since) && now - since < RetryUnknownAfter)
            || platforms?.FirstOrDefault(p => p.Name == platform) is not { } chat)
        {
            return null;
        }

        string? workspace;
        try
        {
            workspace = await chat.WorkspaceOfChannelAsync(channelId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (logger is not null)
            {
                LogAskFailed(logger, ex, platform);
            }

            workspace = null;
        }

        if (string.IsNullOrEmpty(workspace))
        {
            unknownSince[(platform, channelId)] = now;
            return null;
        }

        await metadata!.SetAsync(Key(platform, channelId), workspace, cancellationToken);
        known[(platform, channelId)] = workspace;
        return workspace;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask {Platform} which workspace a channel is in")]
    private static partial void LogAskFailed(ILogger logger, Exception exception, string platform);

    /// <summary>The tenant (<c>discord:123</c>) of the channel, or null when its workspace is unknown.</summary>
    public async Task<string?> TenantOfAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        await WorkspaceOfAsync(platform, channelId, cancellationToken) is { } workspace ? platform + ":" + workspace : null;

    /// <summary>
    /// Whose articles a message posted in the channel may show: null (all) in the shell, the channel's workspace, and ""
    /// (the shared articles only) while its workspace is unknown.
    /// </summary>
    public async Task<string?> ReaderTenantAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        platform == ShellPlatform ? null : await TenantOfAsync(platform, channelId, cancellationToken) ?? "";

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
