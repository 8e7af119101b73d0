using System.Globalization;
using BriefingBot.Chat;

namespace BriefingBot.Articles.Feeds;

/// <summary>Tells the channel that added a feed, once, that it was disabled and how to resume it (no mentions).</summary>
public sealed partial class FeedNotifier(IEnumerable<IChatPlatform> platforms, ILogger<FeedNotifier> logger)
{
    public async Task DisabledAsync(Feed feed, CancellationToken cancellationToken)
    {
        if (feed.AddedPlatform is null || feed.AddedChannel is null)
        {
            return;
        }

        var platform = platforms.FirstOrDefault(p => p.Name == feed.AddedPlatform);
        if (platform is null)
        {
            return;
        }

        var id = feed.Id.ToString(CultureInfo.InvariantCulture);
        var text = $"Feed #{id} {FeedText.Name(feed)} was disabled: {feed.StateReason}"
            + (feed.LastError is null ? "" : $" ({FeedText.Inert(feed.LastError, 100)}, {feed.ConsecutiveFailures} failed polls in a row)")
            + $". Nothing more will be fetched from it. An admin can try again with /feed resume {id}.";
        try
        {
            await platform.SendAsync(feed.AddedChannel, ChatReply.Message(text), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifyFailed(logger, feed.Id, feed.AddedPlatform, feed.AddedChannel, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {Platform} channel {Channel} that feed #{Id} was disabled")]
    private static partial void LogNotifyFailed(ILogger logger, long id, string platform, string channel, Exception exception);
}
