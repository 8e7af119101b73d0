using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// At start-up: the <c>Feeds</c> of the configuration become operator feeds in the store (added, interval updated, or
/// removed when no longer configured), and the one <see cref="FeedPollJob"/> is scheduled every
/// <c>FeedPolling:SweepInterval</c>. Jobs of the old one-job-per-feed scheme are deleted.
/// </summary>
public sealed class FeedScheduler(
    ISchedulerFactory schedulers, IFeedStore store, IOptions<FeedsOptions> feeds, IOptions<FeedPollingOptions> polling, TimeProvider time) : IHostedService
{
    public const string Group = "feeds";
    public const string SweepName = "feed-sweep";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SyncConfiguredAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = new JobKey(SweepName, Group);
        foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken)).Where(k => !k.Equals(jobKey)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }

        var job = JobBuilder.Create<FeedPollJob>().WithIdentity(jobKey).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(SweepName, Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(polling.Value.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Configuration wins for its feeds: each is an operator feed with the configured interval.</summary>
    public async Task SyncConfiguredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wanted = new HashSet<long>();
        foreach (var configured in feeds.Value)
        {
            var (feed, created) = await store.AddAsync(
                new Feed(0, null, configured.Url, null, configured.Every, FeedOrigin.Config, now, now) { StateSince = now }, cancellationToken);
            wanted.Add(feed.Id);
            if (!created && feed.Interval != configured.Every)
            {
                await store.UpdateAsync(feed with { Interval = configured.Every, NextDueAt = now }, cancellationToken);
            }
        }

        foreach (var gone in (await store.ListAsync(cancellationToken)).Where(f => f.Origin == FeedOrigin.Config && !wanted.Contains(f.Id)))
        {
            await store.DeleteAsync(gone.Id, cancellationToken);
        }
    }
}
