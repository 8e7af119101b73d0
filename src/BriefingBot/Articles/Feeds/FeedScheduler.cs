using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Articles.Feeds;

/// <summary>Schedules one <see cref="FeedPollJob"/> per configured feed, first run at start-up, then every <c>Every</c>.</summary>
public sealed class FeedScheduler(ISchedulerFactory schedulers, IOptions<FeedsOptions> feeds) : IHostedService
{
    public const string Group = "feeds";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (feeds.Value.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        for (var i = 0; i < feeds.Value.Count; i++)
        {
            var feed = feeds.Value[i];
            var name = "feed-" + i.ToString(CultureInfo.InvariantCulture);
            var job = JobBuilder.Create<FeedPollJob>().WithIdentity(name, Group).UsingJobData(FeedPollJob.UrlKey, feed.Url).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(name, Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(feed.Every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
