using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// Schedules one <see cref="FeedPollJob"/> per configured feed, first run at start-up, then every <c>Every</c>. The
/// store is persistent, so a restart finds the jobs already there: an unchanged feed keeps its trigger, a changed one
/// is replaced, and jobs of feeds no longer configured are deleted.
/// </summary>
public sealed class FeedScheduler(ISchedulerFactory schedulers, IOptions<FeedsOptions> feeds) : IHostedService
{
    public const string Group = "feeds";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var wanted = new HashSet<JobKey>();
        for (var i = 0; i < feeds.Value.Count; i++)
        {
            var feed = feeds.Value[i];
            var name = "feed-" + i.ToString(CultureInfo.InvariantCulture);
            var jobKey = new JobKey(name, Group);
            wanted.Add(jobKey);
            if (await IsCurrentAsync(scheduler, jobKey, new TriggerKey(name, Group), feed, cancellationToken))
            {
                continue;
            }

            var job = JobBuilder.Create<FeedPollJob>().WithIdentity(jobKey).UsingJobData(FeedPollJob.UrlKey, feed.Url).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(name, Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(feed.Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }

        foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken)).Where(k => !wanted.Contains(k)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<bool> IsCurrentAsync(IScheduler scheduler, JobKey jobKey, TriggerKey triggerKey, FeedOptions feed, CancellationToken cancellationToken)
    {
        var job = await scheduler.GetJobDetail(jobKey, cancellationToken);
        return job is not null
            && job.JobDataMap.GetString(FeedPollJob.UrlKey) == feed.Url
            && await scheduler.GetTrigger(triggerKey, cancellationToken) is ISimpleTrigger trigger
            && trigger.RepeatInterval == feed.Every;
    }
}
