using Quartz;

namespace BriefingBot.Articles.Feeds;

/// <summary>The Quartz job behind each configured feed's trigger.</summary>
[DisallowConcurrentExecution]
public sealed class FeedPollJob(FeedPoller poller) : IJob
{
    public const string UrlKey = "url";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var url = context.MergedJobDataMap.GetString(UrlKey) ?? throw new JobExecutionException("The feed job has no url.");
        await poller.PollAsync(new Uri(url), cancellationToken);
    }
}
