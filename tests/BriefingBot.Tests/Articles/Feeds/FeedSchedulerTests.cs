using BriefingBot.Articles.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Tests.Articles.Feeds;

public sealed class FeedSchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FeedScheduler Scheduler(FeedHarness harness) => ActivatorUtilities.CreateInstance<FeedScheduler>(harness.Services);

    [Fact]
    public async Task StartAsync_ConfiguredFeeds_BecomeOperatorFeedsAndOneSweepJob()
    {
        await using var harness = await FeedHarness.StartAsync(
            new() { ["Feeds:0:Url"] = "https://example.com/a.rss", ["Feeds:1:Url"] = "https://example.com/b.rss", ["Feeds:1:Every"] = "01:00:00" },
            s => s.AddQuartz());
        var quartz = await harness.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var old = JobBuilder.Create<FeedPollJob>().WithIdentity("feed-7", FeedScheduler.Group).Build();
        await quartz.ScheduleJob(old, TriggerBuilder.Create().WithIdentity("feed-7", FeedScheduler.Group).StartNow().Build(), ScheduleJobOptions.Replacing, Ct);

        await Scheduler(harness).StartAsync(Ct);

        var feeds = await harness.Feeds.ListAsync(Ct);
        Assert.Equal(["https://example.com/a.rss", "https://example.com/b.rss"], feeds.Select(f => f.Url));
        Assert.All(feeds, f => Assert.Equal((null, FeedOrigin.Config), (f.Tenant, f.Origin)));
        Assert.Equal(TimeSpan.FromHours(1), feeds[1].Interval);
        Assert.Equal([FeedScheduler.SweepName], (await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FeedScheduler.Group), Ct)).Select(k => k.Name));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await quartz.GetTrigger(new TriggerKey(FeedScheduler.SweepName, FeedScheduler.Group), Ct));
        Assert.Equal(harness.Services.GetRequiredService<IOptions<FeedPollingOptions>>().Value.SweepInterval, trigger.RepeatInterval);
    }

    [Fact]
    public async Task SyncConfiguredAsync_FeedRemovedFromConfiguration_IsDeletedButChatFeedsStay()
    {
        await using var harness = await FeedHarness.StartAsync(configure: s => s.AddQuartz());
        var now = harness.Time.GetUtcNow();
        await harness.Feeds.AddAsync(new Feed(0, null, "https://example.com/old.rss", null, TimeSpan.FromMinutes(30), FeedOrigin.Config, now, now), Ct);
        var chat = await harness.AddFeedAsync(new Uri("https://example.com/chat.rss"), tenant: "test:W1");

        await Scheduler(harness).SyncConfiguredAsync(Ct);

        Assert.Equal([chat.Id], (await harness.Feeds.ListAsync(Ct)).Select(f => f.Id));
    }
}
