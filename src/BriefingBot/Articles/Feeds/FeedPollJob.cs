using Quartz;

namespace BriefingBot.Articles.Feeds;

/// <summary>The one Quartz job that polls feeds: every <c>FeedPolling:SweepInterval</c> it polls those that are due.</summary>
[DisallowConcurrentExecution]
public sealed class FeedPollJob(FeedSweeper sweeper) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
