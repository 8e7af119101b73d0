using Quartz;

namespace BriefingBot.Digests;

/// <summary>
/// Keeps Quartz in step with the subscriptions: one durable job per channel (group <c>digests</c>) with a cron trigger
/// in the subscription's time zone. Scheduling is idempotent: an unchanged trigger is left alone, so a restart keeps
/// its next fire time and a fire missed while down still fires once at start-up (misfire: fire once now).
/// </summary>
public sealed class DigestScheduler(ISchedulerFactory schedulers, TimeProvider time)
{
    public const string Group = "digests";

    public static JobKey JobKeyFor(string platform, string channelId) => new($"{platform}:{channelId}", Group);

    public static TriggerKey TriggerKeyFor(string platform, string channelId) => new($"{platform}:{channelId}", Group);

    public async Task ScheduleAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggerKey = TriggerKeyFor(subscription.Platform, subscription.ChannelId);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == subscription.Cron
            && existing.TimeZone.Id == subscription.TimeZone)
        {
            return;
        }

        await EnsureJobAsync(scheduler, subscription.Platform, subscription.ChannelId, cancellationToken);
        await scheduler.ScheduleJob(BuildTrigger(subscription, time.GetUtcNow()), ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>The cron trigger in the subscription's zone; a fire missed while no worker ran fires once, now.</summary>
    public static ICronTrigger BuildTrigger(DigestSubscription subscription, DateTimeOffset startAt) =>
        (ICronTrigger)TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(subscription.Platform, subscription.ChannelId))
            .StartAt(startAt)
            .ForJob(JobKeyFor(subscription.Platform, subscription.ChannelId))
            .WithCronSchedule(subscription.Cron, c => c
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    /// <summary>Removes the channel's trigger; the job stays (durable) so a run it left unfinished can still be resumed.</summary>
    public async Task UnscheduleAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(TriggerKeyFor(platform, channelId), cancellationToken);
    }

    /// <summary>Fires the channel's job now, outside its schedule (<c>/digest now</c>).</summary>
    public async Task TriggerNowAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = await EnsureJobAsync(scheduler, platform, channelId, cancellationToken);
        await scheduler.TriggerJob(job, new JobDataMap { [DigestJob.ManualKey] = "true" }, cancellationToken);
    }

    /// <summary>The channels that have a digest trigger in the scheduler.</summary>
    public async Task<IReadOnlyCollection<TriggerKey>> ScheduledAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken);
    }

    private static async Task<JobKey> EnsureJobAsync(IScheduler scheduler, string platform, string channelId, CancellationToken cancellationToken)
    {
        var key = JobKeyFor(platform, channelId);
        if (await scheduler.GetJobDetail(key, cancellationToken) is null)
        {
            var job = JobBuilder.Create<DigestJob>()
                .WithIdentity(key)
                .StoreDurably()
                .RequestRecovery()
                .UsingJobData(DigestJob.PlatformKey, platform)
                .UsingJobData(DigestJob.ChannelKey, channelId)
                .Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        }

        return key;
    }
}
