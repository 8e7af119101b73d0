using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Digests;

/// <summary>
/// At start-up: makes the configured digests the subscriptions of their channels (config wins over chat for the same
/// channel; config entries removed from the file are removed), then schedules every enabled subscription and
/// unschedules triggers left for channels that no longer have one.
/// </summary>
public sealed partial class DigestSubscriptionSync(
    IDigestStore store,
    DigestScheduler scheduler,
    IOptions<DigestsOptions> options,
    ILogger<DigestSubscriptionSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existing = await store.ListSubscriptionsAsync(cancellationToken);
        var configured = new HashSet<(string, string)>();
        foreach (var entry in options.Value)
        {
            DigestSchedule.TryParse(entry.Schedule, entry.TimeZone, out var schedule, out _);
            var wanted = new DigestSubscription(
                entry.Platform.ToLowerInvariant(), entry.Channel.Trim(), schedule.Text, schedule.Cron, entry.TimeZone.Trim(),
                string.IsNullOrWhiteSpace(entry.Filter) ? null : entry.Filter.Trim(), entry.MaxItems, SubscriptionOrigin.Config);
            configured.Add((wanted.Platform, wanted.ChannelId));
            var current = existing.FirstOrDefault(s => s.Platform == wanted.Platform && s.ChannelId == wanted.ChannelId);
            if (current is null || current with { Id = 0, Enabled = true, DisabledReason = null } != wanted)
            {
                await store.SaveSubscriptionAsync(wanted, cancellationToken);
            }
        }

        foreach (var stale in existing.Where(s => s.Origin == SubscriptionOrigin.Config && !configured.Contains((s.Platform, s.ChannelId))))
        {
            await store.DeleteSubscriptionAsync(stale.Platform, stale.ChannelId, cancellationToken);
        }

        var enabled = (await store.ListSubscriptionsAsync(cancellationToken)).Where(s => s.Enabled).ToList();
        foreach (var subscription in enabled)
        {
            await scheduler.ScheduleAsync(subscription, cancellationToken);
        }

        var keep = enabled.Select(s => DigestScheduler.TriggerKeyFor(s.Platform, s.ChannelId)).ToHashSet();
        foreach (var orphan in (await scheduler.ScheduledAsync(cancellationToken)).Where(k => !keep.Contains(k)))
        {
            var (platform, channel) = Split(orphan);
            await scheduler.UnscheduleAsync(platform, channel, cancellationToken);
        }

        LogSynced(enabled.Count, options.Value.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static (string Platform, string Channel) Split(TriggerKey key)
    {
        var colon = key.Name.IndexOf(':', StringComparison.Ordinal);
        return (key.Name[..colon], key.Name[(colon + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digests scheduled: {Enabled} subscriptions ({Configured} from configuration)")]
    private partial void LogSynced(int enabled, int configured);
}
