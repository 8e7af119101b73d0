using BriefingBot.Articles.Ingestion;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Feeds;

public enum FeedPollOutcome
{
    /// <summary>200: parsed and stored; <see cref="FeedPollResult.Report"/> says what.</summary>
    Stored,

    /// <summary>304: unchanged since the validators we sent; nothing parsed.</summary>
    NotModified,

    /// <summary>Failed; polled again after a backoff.</summary>
    Failed,

    /// <summary>Failed for good (or too often): the feed is now disabled with a reason.</summary>
    Disabled,
}

/// <summary>One poll: the feed as stored afterwards, what happened, and how many new items were announced.</summary>
public sealed record FeedPollResult(Feed Feed, FeedPollOutcome Outcome, IngestReport? Report, int Announced);

/// <summary>
/// Polls one stored feed: conditional GET, parse, store, announce the new items (none on the first fetch: no backlog
/// flood), and keep the feed's health: a success resets failures; a failure backs off (the interval doubled per failure,
/// up to <see cref="FeedPollingOptions.MaxBackoff"/>, never sooner than Retry-After); too many failures or a permanent
/// answer disables the feed and tells the channel that added it once.
/// </summary>
public sealed partial class FeedPoller(
    IFeedStore feeds,
    FeedFetcher fetcher,
    ArticleIngestor ingestor,
    IArticleAnnouncer announcer,
    FeedNotifier notifier,
    IOptions<FeedPollingOptions> options,
    TimeProvider time,
    ILogger<FeedPoller> logger)
{
    public static IngestTrust TrustOf(Feed feed) => feed.Tenant is null ? IngestTrust.Operator : IngestTrust.ChatUser;

    public async Task<FeedPollResult> PollAsync(Feed feed, CancellationToken cancellationToken)
    {
        var first = feed.LastSuccessAt is null;
        var fetch = await fetcher.FetchAsync(new Uri(feed.Url), TrustOf(feed), first ? null : feed.ETag, first ? null : feed.LastModified, cancellationToken);
        if (fetch.Status == FeedFetchStatus.NotModified)
        {
            var unchanged = Succeeded(feed, fetch);
            unchanged = await SaveAsync(unchanged, cancellationToken);
            LogNotModified(logger, feed.Id, feed.Url);
            return new FeedPollResult(unchanged, FeedPollOutcome.NotModified, null, 0);
        }

        if (fetch.Status != FeedFetchStatus.Fetched)
        {
            return await FailAsync(feed, fetch.Status, fetch.Error ?? fetch.Status.ToString(), fetch.RetryAfter, cancellationToken);
        }

        var document = fetch.Document!;
        if (document.Kind != Ingestion.Web.WebDocumentKind.Feed)
        {
            return await FailAsync(feed, null, $"not a feed (content-type {(document.ContentType.Length == 0 ? "missing" : document.ContentType)})", null, cancellationToken);
        }

        FeedDocument parsed;
        try
        {
            parsed = FeedFormats.Parse(document.Body, document.Url, document.Charset);
        }
        catch (IngestException ex)
        {
            return await FailAsync(feed, FeedFetchStatus.Transient, ex.Message, null, cancellationToken);
        }

        return await StoreAsync(feed, fetch, parsed, announce: !first, cancellationToken);
    }

    /// <summary>Stores a fetched, parsed feed's items and records the success (also the first fetch of <c>/feed add</c>).</summary>
    public async Task<FeedPollResult> StoreAsync(Feed feed, FeedFetch fetch, FeedDocument parsed, bool announce, CancellationToken cancellationToken)
    {
        var report = await ingestor.IngestFeedAsync(fetch.Document!, parsed, TrustOf(feed), feed.Tenant, cancellationToken);
        var announced = 0;
        if (announce)
        {
            foreach (var item in report.Items.Where(i => i.Status is IngestStatus.Added or IngestStatus.AddedToStory))
            {
                await announcer.AnnounceAsync(new Uri(feed.Url), item, cancellationToken);
                announced++;
            }
        }

        // The first fetch counts what the feed holds now (some may have been stored before, from elsewhere); later ones what is new.
        var stored = feed.LastSuccessAt is null ? report.Ingested + report.Duplicates : report.Ingested;
        var updated = Succeeded(feed, fetch) with
        {
            Title = string.IsNullOrWhiteSpace(parsed.Title) ? feed.Title : parsed.Title,
            ItemsStored = feed.ItemsStored + stored,
        };
        updated = await SaveAsync(updated, cancellationToken);
        LogPolled(logger, feed.Id, feed.Url, report.Ingested, report.Duplicates, report.Failed, announced);
        return new FeedPollResult(updated, FeedPollOutcome.Stored, report, announced);
    }

    private Feed Succeeded(Feed feed, FeedFetch fetch)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var maxAge = fetch.MaxAge is { } age ? TimeSpan.FromTicks(Math.Min(age.Ticks, settings.MaxBackoff.Ticks)) : TimeSpan.Zero;
        return feed with
        {
            ETag = fetch.ETag ?? feed.ETag,
            LastModified = fetch.LastModified ?? feed.LastModified,
            LastFetchAt = now,
            LastSuccessAt = now,
            ConsecutiveFailures = 0,
            FailingSince = null,
            LastError = null,
            NextDueAt = now + (maxAge > feed.Interval ? maxAge : feed.Interval),
        };
    }

    /// <summary><paramref name="status"/> null: the answer was not a feed at all (a permanent failure).</summary>
    private async Task<FeedPollResult> FailAsync(Feed feed, FeedFetchStatus? status, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var failures = feed.ConsecutiveFailures + 1;
        var failingSince = feed.FailingSince ?? now;
        var reason = status switch
        {
            null => FeedReasons.NotAFeed,
            FeedFetchStatus.TooLarge => FeedReasons.TooLarge,
            FeedFetchStatus.NotFound when now - failingSince >= settings.PermanentAfter => FeedReasons.NotFound,
            FeedFetchStatus.Gone when now - failingSince >= settings.PermanentAfter => FeedReasons.Gone,
            _ when failures >= settings.MaxConsecutiveFailures => FeedReasons.TooManyFailures,
            _ => null,
        };
        var failed = feed with { LastFetchAt = now, ConsecutiveFailures = failures, FailingSince = failingSince, LastError = error };
        if (reason is not null)
        {
            var disabled = failed with { State = FeedState.Disabled, StateReason = reason, StateSince = now };
            await feeds.UpdateAsync(disabled, cancellationToken);
            LogDisabled(logger, feed.Id, feed.Url, reason, error);
            await notifier.DisabledAsync(disabled, cancellationToken);
            return new FeedPollResult(disabled, FeedPollOutcome.Disabled, null, 0);
        }

        var backoff = Backoff(feed.Interval, failures, settings.MaxBackoff);
        if (retryAfter > backoff)
        {
            backoff = retryAfter.Value;
        }

        var later = failed with { NextDueAt = now + backoff };
        later = await SaveAsync(later, cancellationToken);
        LogFailed(logger, feed.Id, feed.Url, failures, error, later.NextDueAt);
        return new FeedPollResult(later, FeedPollOutcome.Failed, null, 0);
    }

    /// <summary>Writes the poll's result, keeping a pause that an admin made while the poll ran; a feed removed meanwhile stays removed.</summary>
    private async Task<Feed> SaveAsync(Feed updated, CancellationToken cancellationToken)
    {
        var current = await feeds.GetAsync(updated.Id, cancellationToken);
        if (current is null)
        {
            return updated;
        }

        if (current.State != FeedState.Active && updated.State == FeedState.Active)
        {
            updated = updated with { State = current.State, StateReason = current.StateReason, StateSince = current.StateSince };
        }

        await feeds.UpdateAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>The interval doubled for each failure after the first, capped.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan cap)
    {
        var ticks = (double)interval.Ticks * Math.Pow(2, Math.Max(0, failures - 1));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed #{Id} {Url}: not modified")]
    private static partial void LogNotModified(ILogger logger, long id, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed #{Id} {Url}: ingested {Ingested}, duplicates {Duplicates}, failed {Failed}, announced {Announced}")]
    private static partial void LogPolled(ILogger logger, long id, string url, int ingested, int duplicates, int failed, int announced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed #{Id} {Url} failed ({Failures} in a row): {Error}; next try at {Next}")]
    private static partial void LogFailed(ILogger logger, long id, string url, int failures, string error, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed #{Id} {Url} disabled ({Reason}): {Error}")]
    private static partial void LogDisabled(ILogger logger, long id, string url, string reason, string error);
}
