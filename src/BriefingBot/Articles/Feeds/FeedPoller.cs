using BriefingBot.Articles.Ingestion;
using BriefingBot.Storage;

namespace BriefingBot.Articles.Feeds;

/// <summary>The outcome of one poll; <see cref="Announced"/> is 0 on the first fetch of a feed.</summary>
public sealed record FeedPollResult(IngestReport Report, bool FirstFetch, int Announced);

/// <summary>
/// Fetches a configured feed and stores its items. The first fetch of a feed only fills the store;
/// later fetches announce the items that were not stored before.
/// </summary>
public sealed partial class FeedPoller(
    IArticleIngestor ingestor, IMetadataStore metadata, IArticleAnnouncer announcer, TimeProvider time, ILogger<FeedPoller> logger)
{
    public static string SeenKey(Uri feed) => "feed.seen:" + UrlCanonicalizer.Canonicalize(feed);

    public async Task<FeedPollResult> PollAsync(Uri feed, CancellationToken cancellationToken)
    {
        var firstFetch = await metadata.GetAsync(SeenKey(feed), cancellationToken) is null;
        var report = await ingestor.IngestAsync([feed.AbsoluteUri], IngestTrust.Operator, progress: null, cancellationToken);
        if (report.Ingested + report.Duplicates == 0)
        {
            var reason = report.Items.FirstOrDefault(i => i.Error is not null)?.Error ?? "no items";
            LogFeedFailed(logger, feed, reason);
            return new FeedPollResult(report, firstFetch, 0);
        }

        var announced = 0;
        if (!firstFetch)
        {
            foreach (var item in report.Items.Where(i => i.Status is IngestStatus.Added or IngestStatus.AddedToStory))
            {
                await announcer.AnnounceAsync(feed, item, cancellationToken);
                announced++;
            }
        }

        await metadata.SetAsync(SeenKey(feed), time.GetUtcNow().ToString("O"), cancellationToken);
        LogFeedPolled(logger, feed, report.Ingested, report.Duplicates, report.Failed, announced);
        return new FeedPollResult(report, firstFetch, announced);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} gave nothing to store: {Reason}")]
    private static partial void LogFeedFailed(ILogger logger, Uri feed, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Feed}: ingested {Ingested}, duplicates {Duplicates}, failed {Failed}, announced {Announced}")]
    private static partial void LogFeedPolled(ILogger logger, Uri feed, int ingested, int duplicates, int failed, int announced);
}
