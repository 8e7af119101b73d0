using System.Text.Json;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Digests;
using Microsoft.Extensions.Options;

namespace BriefingBot.Follows;

/// <summary>
/// Sends follow alerts "at most one per follow per <see cref="FollowsOptions.MinInterval"/>, never twice". A pass first
/// finishes the batches a stopped worker left (once their <see cref="FollowsOptions.SendLease"/> ran out), then, for each follow whose last alert is old enough, attaches every
/// queued story to a new batch (one transaction: two workers cannot both take a story), stores the composed message,
/// and posts it with the batch's key (Discord's enforced nonce makes a repeat after a crash return the first message).
/// A DM the platform refuses for good, or a channel that is gone, disables the follow with a note for /follow list.
/// </summary>
public sealed partial class FollowAlerter(
    IFollowStore store,
    IArticleStore articles,
    IDevelopmentStore developments,
    IEnumerable<IChatPlatform> platforms,
    IOptions<FollowsOptions> options,
    TimeProvider time,
    ILogger<FollowAlerter> logger)
{
    /// <summary>One pass; returns how many alerts were posted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var now = time.GetUtcNow();
        foreach (var unfinished in await store.LeaseUnfinishedBatchesAsync(now, now + options.Value.SendLease, cancellationToken))
        {
            LogResuming(unfinished.Id, unfinished.FollowId);
            sent += await ProcessAsync(unfinished, cancellationToken) ? 1 : 0;
        }

        now = time.GetUtcNow();
        foreach (var followId in await store.ListDueAsync(now, options.Value.MinInterval, cancellationToken))
        {
            if (await store.ClaimBatchAsync(followId, now, now + options.Value.SendLease, cancellationToken) is { } batch)
            {
                sent += await ProcessAsync(batch, cancellationToken) ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<bool> ProcessAsync(FollowBatch batch, CancellationToken cancellationToken)
    {
        var follow = await store.GetAsync(batch.FollowId, cancellationToken);
        if (follow is null)
        {
            return false;
        }

        if (!follow.Active)
        {
            await store.FailBatchAsync(batch.Id, "the follow is disabled: " + follow.Note, time.GetUtcNow(), cancellationToken);
            return false;
        }

        if (platforms.FirstOrDefault(p => string.Equals(p.Name, follow.Platform, StringComparison.OrdinalIgnoreCase)) is not { } platform)
        {
            LogNoPlatform(follow.Id, follow.Platform);
            return false;
        }

        var payload = batch.Payload;
        if (batch.Status == FollowBatchStatus.Claimed || payload is null)
        {
            payload = JsonSerializer.Serialize(await ComposeAsync(follow, batch.Alerts, cancellationToken), FollowJson.Default.ChatReply);
            await store.SavePayloadAsync(batch.Id, payload, cancellationToken);
        }

        var reply = JsonSerializer.Deserialize(payload, FollowJson.Default.ChatReply)!;
        try
        {
            var message = follow.Delivery == FollowDelivery.Dm
                ? await platform.SendDirectAsync(follow.UserId, reply, batch.IdempotencyKey, cancellationToken)
                : await platform.SendOnceAsync(follow.ChannelId, reply, batch.IdempotencyKey, cancellationToken);
            await store.CompleteBatchAsync(batch.Id, message.MessageId, time.GetUtcNow(), cancellationToken);
            LogSent(batch.Id, follow.Id, batch.Alerts.Count);
            return true;
        }
        catch (DirectMessageRefusedException ex)
        {
            await DisableAsync(follow, batch, ex.Reason, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && DeliveryFailures.PermanentReason(ex) is { } reason)
        {
            await DisableAsync(follow, batch, reason, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Network, rate limits, a platform hiccup: the stored batch is posted on the next pass, with the same key.
            LogWillRetry(ex, batch.Id, follow.Id);
        }

        return false;
    }

    private async Task DisableAsync(Follow follow, FollowBatch batch, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.FailBatchAsync(batch.Id, reason, now, cancellationToken);
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reason}; turned off {now:yyyy-MM-dd HH:mm} UTC, /follow again to turn it on");
        await store.DisableAsync(follow.Id, note, cancellationToken);
        LogDisabled(follow.Id, reason);
    }

    private async Task<ChatReply> ComposeAsync(Follow follow, IReadOnlyList<FollowAlert> alerts, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxStoriesPerAlert;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = new List<FollowAlertItem>();
        var missing = 0;
        foreach (var alert in alerts.Take(max))
        {
            if (await articles.GetAsync(alert.ArticleId, cancellationToken) is not { } article)
            {
                missing++;
                continue;
            }

            var reported = new List<DigestDevelopment>();
            foreach (var id in alert.DevelopmentIds.Take(3))
            {
                if (await developments.GetAsync(id, cancellationToken) is { } stored && stored.Development.ResolveBy >= today)
                {
                    reported.Add(new DigestDevelopment(stored.Id, DigestText.Shorten(DigestText.Inert(stored.Development.Claim), 300), stored.Corroboration));
                }
            }

            items.Add(new FollowAlertItem(
                DigestText.Shorten(DigestText.Inert(article.Title), 200),
                DigestText.Inert(article.Source),
                DigestText.SafeUrl(article.Url),
                reported));
        }

        return FollowAlertLayout.Message(follow, items, alerts.Count - items.Count - missing, FollowAlertLayout.MentionFor(follow));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow alert batch {BatchId} of follow {FollowId} sent ({Stories} stories)")]
    private partial void LogSent(long batchId, long followId, int stories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming follow alert batch {BatchId} of follow {FollowId}")]
    private partial void LogResuming(long batchId, long followId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow {FollowId} is on {Platform}, which is not connected; its alerts wait")]
    private partial void LogNoPlatform(long followId, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow alert batch {BatchId} of follow {FollowId} could not be posted; trying again on the next pass")]
    private partial void LogWillRetry(Exception exception, long batchId, long followId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow {FollowId} disabled: {Reason}")]
    private partial void LogDisabled(long followId, string reason);
}
