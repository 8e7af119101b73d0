using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Digests;

/// <summary>One firing of a channel's digest job: scheduled (or manual) fire time, and whether Quartz is recovering a crashed run.</summary>
public sealed record DigestFire(string Platform, string ChannelId, DateTimeOffset FireTime, bool Recovering, bool Manual);

/// <summary>
/// Delivers digests "never twice, never half". A run is keyed by channel and scheduled fire time and claimed in the
/// store before anything is composed; the composed parts are stored before the first is posted, and each part's
/// message id is recorded as soon as it is posted, so a restart posts exactly the parts still missing. Runs of one
/// channel never overlap: they all execute in that channel's Quartz job, which disallows concurrent execution
/// across the cluster, so an unfinished run found here belongs to a worker that stopped and is resumed.
/// </summary>
public sealed partial class DigestDelivery(
    IDigestStore store,
    IDigestComposer composer,
    IEnumerable<IChatPlatform> platforms,
    DigestScheduler scheduler,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<DigestDelivery> logger,
    BriefingBot.Storage.IMetadataStore? metadata = null,
    ChannelWorkspaces? workspaces = null)
{
    /// <summary>Stories already sent to a channel are not sent again within this window.</summary>
    public static readonly TimeSpan SentStoryMemory = TimeSpan.FromDays(30);

    internal static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)];

    public async Task RunAsync(DigestFire fire, CancellationToken cancellationToken)
    {
        var subscription = await store.GetSubscriptionAsync(fire.Platform, fire.ChannelId, cancellationToken);
        if (!fire.Manual && subscription is not { Enabled: true })
        {
            LogSkipped(fire.Platform, fire.ChannelId);
            return;
        }

        if (Platform(fire.Platform) is not { } platform)
        {
            LogNoPlatform(fire.Platform, fire.ChannelId);
            return;
        }

        foreach (var unfinished in await store.ListUnfinishedRunsAsync(fire.Platform, fire.ChannelId, cancellationToken))
        {
            if (unfinished.FireTime != fire.FireTime)
            {
                LogResuming(unfinished.Id, fire.Platform, fire.ChannelId, unfinished.FireTime);
            }

            if (!await ProcessAsync(platform, subscription, unfinished, cancellationToken))
            {
                return;
            }
        }

        if (fire.Recovering)
        {
            // Quartz re-runs a crashed firing; the runs it left are resumed above and no new digest is due.
            return;
        }

        var run = await store.ClaimRunAsync(fire.Platform, fire.ChannelId, fire.FireTime, cancellationToken);
        if (run.IsFinished)
        {
            LogAlreadyDelivered(run.Id, fire.Platform, fire.ChannelId, fire.FireTime);
            return;
        }

        await ProcessAsync(platform, subscription, run, cancellationToken);
    }

    /// <summary>Composes (once) and posts what is missing. False when the channel is gone and delivery stopped.</summary>
    private async Task<bool> ProcessAsync(IChatPlatform platform, DigestSubscription? subscription, DigestRun run, CancellationToken cancellationToken)
    {
        if (run.Status == DigestRunStatus.Claimed)
        {
            await ComposeAsync(subscription, run, cancellationToken);
        }

        var parts = await store.GetPartsAsync(run.Id, cancellationToken);
        foreach (var part in parts.Where(p => p.MessageId is null))
        {
            var reply = JsonSerializer.Deserialize(part.Payload, DigestJson.Default.ChatReply)!;
            var key = $"d{run.Id}p{part.Index}";
            MessageRef sent;
            try
            {
                sent = await SendWithRetryAsync(platform, run, reply, key, cancellationToken);
            }
            catch (Exception ex) when (DeliveryFailures.PermanentReason(ex) is { } reason)
            {
                await StopAsync(platform, run, reason, cancellationToken);
                return false;
            }

            await store.MarkPartSentAsync(run.Id, part.Index, sent.MessageId, time.GetUtcNow(), cancellationToken);
        }

        await store.CompleteRunAsync(run.Id, time.GetUtcNow(), cancellationToken);
        LogDelivered(run.Id, run.Platform, run.ChannelId, run.FireTime, parts.Count);
        metrics.DigestSent(run.Platform);
        return true;
    }

    private async Task ComposeAsync(DigestSubscription? subscription, DigestRun run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await store.GetChannelStateAsync(run.Platform, run.ChannelId, now - SentStoryMemory, cancellationToken);
        var request = new DigestRequest(
            run.Platform,
            run.ChannelId,
            state.LastSentAt,
            state.SentStoryIds,
            subscription?.Filter,
            subscription?.MaxItems ?? DigestsOptions.DefaultMaxItems,
            subscription?.TimeZone ?? "UTC",
            run.FireTime)
        { Tenant = await DigestTenants.ForChannelAsync(metadata, run.Platform, run.ChannelId, cancellationToken, workspaces) };
        var content = await composer.ComposeAsync(request, cancellationToken);
        var payloads = content.Messages.Select(m => JsonSerializer.Serialize(m with { Ephemeral = false }, DigestJson.Default.ChatReply)).ToList();
        await store.SavePartsAsync(run.Id, payloads, content.StoryIds, now, cancellationToken);
    }

    private async Task<MessageRef> SendWithRetryAsync(IChatPlatform platform, DigestRun run, ChatReply reply, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await platform.SendOnceAsync(run.ChannelId, reply, key, cancellationToken);
            }
            catch (Exception ex) when (attempt < Backoff.Length && DeliveryFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(ex, run.Id, run.Platform, run.ChannelId, attempt + 1, Backoff[attempt].TotalSeconds);
                await Task.Delay(Backoff[attempt], time, cancellationToken);
            }
        }
    }

    /// <summary>The channel is gone or closed to us: fail the run, turn the subscription off, and say so where we still can.</summary>
    private async Task StopAsync(IChatPlatform platform, DigestRun run, string reason, CancellationToken cancellationToken)
    {
        LogDisabled(run.Platform, run.ChannelId, run.Id, reason);
        metrics.DigestFailed(run.Platform, reason);
        await store.FailRunAsync(run.Id, reason, time.GetUtcNow(), cancellationToken);
        await store.DisableSubscriptionAsync(run.Platform, run.ChannelId, reason, cancellationToken);
        await scheduler.UnscheduleAsync(run.Platform, run.ChannelId, cancellationToken);
        try
        {
            await platform.SendAsync(run.ChannelId, ChatReply.Message($"Digests for this channel are turned off: {reason}. An admin can turn them on again with /digest schedule."), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCouldNotTell(run.Platform, run.ChannelId, ex.GetType().Name);
        }
    }

    private IChatPlatform? Platform(string name) => platforms.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest run {RunId} for {Platform}/{Channel} at {FireTime:o} delivered ({Parts} messages)")]
    private partial void LogDelivered(long runId, string platform, string channel, DateTimeOffset fireTime, int parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest run {RunId} for {Platform}/{Channel} at {FireTime:o} was already delivered; nothing posted")]
    private partial void LogAlreadyDelivered(long runId, string platform, string channel, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming unfinished digest run {RunId} for {Platform}/{Channel} scheduled at {FireTime:o}")]
    private partial void LogResuming(long runId, string platform, string channel, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "No enabled digest subscription for {Platform}/{Channel}; nothing to do")]
    private partial void LogSkipped(string platform, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for {Platform}/{Channel} skipped: that platform is not connected")]
    private partial void LogNoPlatform(string platform, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest run {RunId} for {Platform}/{Channel}: posting failed, attempt {Attempt}; retrying in {Seconds} s")]
    private partial void LogRetrying(Exception exception, long runId, string platform, string channel, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest subscription for {Platform}/{Channel} disabled after run {RunId}: {Reason}")]
    private partial void LogDisabled(string platform, string channel, long runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {Platform}/{Channel} that its digest was turned off ({Error})")]
    private partial void LogCouldNotTell(string platform, string channel, string error);
}
