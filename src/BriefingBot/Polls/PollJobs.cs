using System.Globalization;
using Quartz;

namespace BriefingBot.Polls;

/// <summary>Closes one poll at its deadline; the job data holds only the poll id, so it runs the same in RAM and ADO stores.</summary>
public sealed class PollCloseJob(PollService polls) : IJob
{
    public const string PollIdKey = "pollId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = long.Parse(context.MergedJobDataMap.GetString(PollIdKey)!, CultureInfo.InvariantCulture);
        await polls.CloseDueAsync(id, cancellationToken);
    }
}

/// <summary>The safety net: closes polls whose trigger was lost (restart with a RAM store) and sends resolve reminders.</summary>
[DisallowConcurrentExecution]
public sealed class PollSweepJob(PollService polls) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => new(polls.SweepAsync(cancellationToken));
}

/// <summary>One Quartz trigger per poll at its deadline, and the periodic sweep (first run at start-up).</summary>
public sealed class PollScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "polls";

    public async Task ScheduleCloseAsync(long pollId, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = CloseKey(pollId);
        var job = JobBuilder.Create<PollCloseJob>().WithIdentity(key, Group).UsingJobData(PollCloseJob.PollIdKey, pollId.ToString(CultureInfo.InvariantCulture)).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key, Group)
            .StartAt(closesAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task UnscheduleCloseAsync(long pollId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(CloseKey(pollId), Group), cancellationToken);
    }

    public async Task ScheduleSweepAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<PollSweepJob>().WithIdentity("poll-sweep", Group).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("poll-sweep", Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static string CloseKey(long pollId) => "poll-close-" + pollId.ToString(CultureInfo.InvariantCulture);
}
