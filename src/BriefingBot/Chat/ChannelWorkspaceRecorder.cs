using BriefingBot.Chat.Commands;

namespace BriefingBot.Chat;

/// <summary>Teaches <see cref="ChannelWorkspaces"/> each channel's workspace from the commands used there.</summary>
public sealed partial class ChannelWorkspaceRecorder(ChannelWorkspaces workspaces, ILogger<ChannelWorkspaceRecorder> logger) : ICommandObserver
{
    public async ValueTask ObserveAsync(CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            await workspaces.LearnAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLearnFailed(logger, ex, context.Platform);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember the workspace of a {Platform} channel")]
    private static partial void LogLearnFailed(ILogger logger, Exception exception, string platform);
}
