using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace BriefingBot.Tests.Articles;

public sealed class ArticlesRegistrationTests
{
    [Theory]
    [InlineData(BotMode.Worker)]
    [InlineData(BotMode.Shell)]
    public async Task AddArticles_LongRunningMode_RegistersSeederAndFeedScheduler(BotMode mode)
    {
        await using var services = new IngestionServices(mode: mode);

        var hosted = services.Services.GetServices<IHostedService>().Select(h => h.GetType()).ToList();

        Assert.Contains(typeof(SampleSeeder), hosted);
        Assert.Contains(typeof(FeedScheduler), hosted);
        Assert.IsType<ArticleIngestor>(services.Ingestor);
    }

    [Theory]
    [InlineData(BotMode.Ingest)]
    [InlineData(BotMode.Analyze)]
    public async Task AddArticles_OneShotMode_RegistersNoBackgroundWork(BotMode mode)
    {
        await using var services = new IngestionServices(mode: mode);

        Assert.Empty(services.Services.GetServices<IHostedService>());
        Assert.IsType<ArticleIngestor>(services.Ingestor);
    }

    [Fact]
    public async Task StartAsync_ConfiguredFeeds_SchedulesOneJobPerFeed()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var services = new IngestionServices(
            new() { ["Feeds:0:Url"] = "https://example.com/a.rss", ["Feeds:1:Url"] = "https://example.com/b.rss", ["Feeds:1:Every"] = "01:00:00" },
            BotMode.Worker);
        var scheduler = await services.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancel);

        await services.Services.GetServices<IHostedService>().OfType<FeedScheduler>().Single().StartAsync(cancel);

        var job = await scheduler.GetJobDetail(new JobKey("feed-1", FeedScheduler.Group), cancel);
        Assert.Equal("https://example.com/b.rss", job!.JobDataMap.GetString(FeedPollJob.UrlKey));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key, cancel)));
        Assert.Equal(TimeSpan.FromHours(1), trigger.RepeatInterval);
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("feed-0", FeedScheduler.Group), cancel));
    }

    [Fact]
    public async Task StartAsync_AgainAfterRestart_KeepsUnchangedTriggersAndDeletesStaleFeeds()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var services = new IngestionServices(new() { ["Feeds:0:Url"] = "https://example.com/a.rss" }, BotMode.Worker);
        var scheduler = await services.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancel);
        var feeds = services.Services.GetServices<IHostedService>().OfType<FeedScheduler>().Single();
        await feeds.StartAsync(cancel);
        var first = await scheduler.GetTrigger(new TriggerKey("feed-0", FeedScheduler.Group), cancel);
        var stale = JobBuilder.Create<FeedPollJob>().WithIdentity("feed-7", FeedScheduler.Group).UsingJobData(FeedPollJob.UrlKey, "https://example.com/old.rss").Build();
        await scheduler.ScheduleJob(stale, TriggerBuilder.Create().WithIdentity("feed-7", FeedScheduler.Group).StartNow().Build(), ScheduleJobOptions.Replacing, cancel);
        await Task.Delay(20, cancel);

        await feeds.StartAsync(cancel);

        var second = await scheduler.GetTrigger(new TriggerKey("feed-0", FeedScheduler.Group), cancel);
        Assert.Equal(first!.StartTimeUtc, second!.StartTimeUtc);
        Assert.Null(await scheduler.GetJobDetail(stale.Key, cancel));
    }
}
