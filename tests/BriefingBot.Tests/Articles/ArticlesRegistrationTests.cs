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
        await using var services = new IngestionServices(mode: mode, configure: s => s.AddQuartz());

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
            BotMode.Worker,
            s => s.AddQuartz());
        var scheduler = await services.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancel);

        await services.Services.GetServices<IHostedService>().OfType<FeedScheduler>().Single().StartAsync(cancel);

        var job = await scheduler.GetJobDetail(new JobKey("feed-1", FeedScheduler.Group), cancel);
        Assert.Equal("https://example.com/b.rss", job!.JobDataMap.GetString(FeedPollJob.UrlKey));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key, cancel)));
        Assert.Equal(TimeSpan.FromHours(1), trigger.RepeatInterval);
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("feed-0", FeedScheduler.Group), cancel));
    }
}
