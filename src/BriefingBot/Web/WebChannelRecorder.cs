using System.Collections.Concurrent;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Web;

/// <summary>
/// Learns which channel is in which workspace from the commands used there (digests and polls name only their channel),
/// so a session sees the channels of its own workspace and no other. Written once per channel per hour per process.
/// </summary>
public sealed partial class WebChannelRecorder(IWebStore store, TimeProvider time, ILogger<WebChannelRecorder> logger) : ICommandObserver
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string, string, string), DateTimeOffset> recorded = new();

    public async ValueTask ObserveAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var key = (context.Platform, context.ChannelId, context.WorkspaceId);
        var now = time.GetUtcNow();
        if (recorded.TryGetValue(key, out var at) && now - at < Refresh)
        {
            return;
        }

        try
        {
            await store.RecordChannelAsync(context.Platform, context.ChannelId, context.WorkspaceId, now, cancellationToken);
            recorded[key] = now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(logger, ex, context.Platform);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a {Platform} channel for the web view")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string platform);
}
