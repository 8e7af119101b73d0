using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Follows;

/// <summary>
/// Every <see cref="FollowsOptions.CheckInterval"/>, one pass of the <see cref="FollowAlerter"/>. Non-concurrent, and on
/// a clustered PostgreSQL store cluster-wide, so two replicas never post the same batch at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FollowAlertJob(FollowAlerter alerter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await alerter.RunAsync(cancellationToken);
}

/// <summary>Schedules <see cref="FollowAlertJob"/> at start-up (replacing the trigger, so a changed interval applies).</summary>
public sealed partial class FollowStartup(ISchedulerFactory schedulers, IOptions<FollowsOptions> options, ILogger<FollowStartup> logger) : IHostedService
{
    public const string Group = "follows";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var job = JobBuilder.Create<FollowAlertJob>().WithIdentity("follow-alerts", Group).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity("follow-alerts", Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.Value.CheckInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Alerts wait in the store; commands keep working.
            LogStartupFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not schedule follow alerts at start-up")]
    private partial void LogStartupFailed(Exception exception);
}
