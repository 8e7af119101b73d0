using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// Polls every feed that is due: hosts in parallel (<see cref="FeedPollingOptions.ParallelHosts"/>), the feeds of one
/// host one after the other, so no publisher gets two of our requests at once. A feed that throws is logged and retried
/// at its next due time; the others go on.
/// </summary>
public sealed partial class FeedSweeper(IFeedStore feeds, FeedPoller poller, IOptions<FeedPollingOptions> options, TimeProvider time, ILogger<FeedSweeper> logger)
{
    public const int BatchLimit = 500;

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await feeds.ListDueAsync(time.GetUtcNow(), BatchLimit, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var byHost = due.GroupBy(f => Uri.TryCreate(f.Url, UriKind.Absolute, out var u) ? u.IdnHost : f.Url, StringComparer.OrdinalIgnoreCase).ToList();
        await Parallel.ForEachAsync(
            byHost,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelHosts, CancellationToken = cancellationToken },
            async (host, token) =>
            {
                foreach (var feed in host)
                {
                    try
                    {
                        await poller.PollAsync(feed, token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        LogPollFailed(logger, feed.Id, feed.Url, ex);
                    }
                }
            });
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling feed #{Id} {Url} failed unexpectedly")]
    private static partial void LogPollFailed(ILogger logger, long id, string url, Exception exception);
}
