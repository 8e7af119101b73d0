using BriefingBot.Digests;
using BriefingBot.Tests.Hosting.Telemetry;
using BriefingBot.Platforms.Discord.Rest;
using BriefingBot.Platforms.Slack;

namespace BriefingBot.Tests.Digests;

public sealed class DigestDeliveryTests
{
    private static readonly DateTimeOffset Fire = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DigestFire Scheduled(DateTimeOffset at, bool recovering = false) => new("discord", "c1", at, recovering, Manual: false);

    [Fact]
    public async Task RunAsync_SameFireTwice_PostsEachPartOnce()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([1, 2], "part one", "part two");
        using var metrics = new MetricRecorder(h.Metrics);

        await h.Delivery.RunAsync(Scheduled(Fire), Ct);
        await h.Delivery.RunAsync(Scheduled(Fire), Ct);

        Assert.Equal("discord", Assert.Single(metrics.Of("briefingbot.digests.sent")).Tags["platform"]);
        Assert.Equal(["part one", "part two"], h.Platform.Posted.Select(p => p.Text));
        Assert.Equal(["d1p0", "d1p1"], h.Platform.Posted.Select(p => p.Key));
        Assert.Single(h.Composer.Requests);
        var request = h.Composer.Requests[0];
        Assert.Equal(("discord", "c1", "Kyiv", 3, "Europe/London", Fire, null), (request.Platform, request.ChannelId, request.Filter, request.MaxItems, request.TimeZoneId, request.FireTime, request.Since));
    }

    [Fact]
    public async Task RunAsync_NextFire_AsksOnlyForWhatIsNewSinceTheLastDigest()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([1, 2], "first");
        var composedAt = h.Time.GetUtcNow();
        await h.Delivery.RunAsync(Scheduled(Fire), Ct);
        h.Time.Advance(TimeSpan.FromDays(1));

        await h.Delivery.RunAsync(Scheduled(Fire.AddDays(1)), Ct);

        var second = h.Composer.Requests[1];
        Assert.Equal(composedAt, second.Since);
        Assert.Equal([1L, 2L], second.SentStoryIds.Order());
        Assert.Equal(2, h.Platform.Posted.Count);
    }

    [Fact]
    public async Task RunAsync_CrashAfterFirstPartThenRecovery_PostsOnlyTheMissingPart()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([5], "one", "two", "three");
        h.Platform.FailOn = call => call == 2 ? new InvalidOperationException("worker killed") : null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Delivery.RunAsync(Scheduled(Fire), Ct));
        h.Platform.FailOn = _ => null;
        await h.Delivery.RunAsync(Scheduled(Fire, recovering: true), Ct);
        await h.Delivery.RunAsync(Scheduled(Fire), Ct);

        Assert.Equal(["one", "two", "three"], h.Platform.Posted.Select(p => p.Text));
        Assert.Single(h.Composer.Requests);
        Assert.Empty(await h.Store.ListUnfinishedRunsAsync("discord", "c1", Ct));
    }

    [Fact]
    public async Task RunAsync_UnfinishedEarlierRun_IsFinishedBeforeTheNewOne()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([1], "monday a", "monday b");
        h.Composer.Enqueue([2], "tuesday");
        h.Platform.FailOn = call => call == 2 ? new InvalidOperationException("crash") : null;
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Delivery.RunAsync(Scheduled(Fire), Ct));
        h.Platform.FailOn = _ => null;

        await h.Delivery.RunAsync(Scheduled(Fire.AddDays(1)), Ct);

        Assert.Equal(["monday a", "monday b", "tuesday"], h.Platform.Posted.Select(p => p.Text));
    }

    [Fact]
    public async Task RunAsync_TransientFailures_RetriedWithBackoffOnTheClock()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([1], "only");
        h.Platform.FailOn = call => call <= 2 ? new DiscordApiException(503, "unavailable") : null;

        var run = h.Delivery.RunAsync(Scheduled(Fire), Ct);
        await Task.Delay(50, Ct);
        var postedBeforeTheClockMoved = h.Platform.Posted.Count;
        for (var i = 0; i < 10 && !run.IsCompleted; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, Ct);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(0, postedBeforeTheClockMoved);
        Assert.Equal(["only"], h.Platform.Posted.Select(p => p.Text));
    }

    [Fact]
    public async Task RunAsync_TransientFailureThatNeverEnds_GivesUpAndLeavesTheRunToResume()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        h.Composer.Enqueue([1], "only");
        h.Platform.FailOn = _ => new HttpRequestException("down");

        await Assert.ThrowsAsync<HttpRequestException>(() => h.RunAdvancingAsync(Scheduled(Fire), TimeSpan.FromMinutes(5)));

        Assert.Empty(h.Platform.Posted);
        Assert.Equal(DigestRunStatus.Sending, Assert.Single(await h.Store.ListUnfinishedRunsAsync("discord", "c1", Ct)).Status);
        Assert.True((await h.Store.GetSubscriptionAsync("discord", "c1", Ct))!.Enabled);
    }

    [Theory]
    [InlineData("discord-404")]
    [InlineData("discord-403")]
    [InlineData("slack-channel_not_found")]
    [InlineData("slack-is_archived")]
    public async Task RunAsync_ChannelGone_DisablesSubscriptionUnschedulesAndSaysWhy(string failure)
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        var subscription = await h.SubscribeAsync();
        await h.Scheduler.ScheduleAsync(subscription, Ct);
        h.Composer.Enqueue([1], "only");
        Exception error = failure.StartsWith("discord", StringComparison.Ordinal)
            ? new DiscordApiException(int.Parse(failure[8..], System.Globalization.CultureInfo.InvariantCulture), "no")
            : new SlackApiException("chat.postMessage", failure[6..]);
        h.Platform.FailOn = call => call == 1 ? error : null;
        using var metrics = new MetricRecorder(h.Metrics);

        await h.Delivery.RunAsync(Scheduled(Fire), Ct);

        Assert.Single(metrics.Of("briefingbot.digests.failed"));
        Assert.Empty(metrics.Of("briefingbot.digests.sent"));

        var stored = await h.Store.GetSubscriptionAsync("discord", "c1", Ct);
        Assert.False(stored!.Enabled);
        Assert.False(string.IsNullOrEmpty(stored.DisabledReason));
        Assert.Contains(stored.DisabledReason!, Assert.Single(h.Platform.Posted).Text, StringComparison.Ordinal);
        Assert.Empty(await h.Store.ListUnfinishedRunsAsync("discord", "c1", Ct));
        var scheduler = await h.Schedulers.GetScheduler(Ct);
        Assert.Null(await scheduler.GetTrigger(DigestScheduler.TriggerKeyFor("discord", "c1"), Ct));
    }

    [Fact]
    public async Task RunAsync_DisabledSubscription_PostsNothing()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        await h.SubscribeAsync();
        await h.Store.DisableSubscriptionAsync("discord", "c1", "gone", Ct);

        await h.Delivery.RunAsync(Scheduled(Fire), Ct);

        Assert.Empty(h.Platform.Posted);
        Assert.Empty(h.Composer.Requests);
    }

    [Fact]
    public async Task RunAsync_ManualWithoutSubscription_PostsWithDefaults()
    {
        await using var h = await DeliveryHarness.StartAsync(Ct);
        h.Composer.Enqueue([9], "now");

        await h.Delivery.RunAsync(new DigestFire("discord", "c9", Fire, Recovering: false, Manual: true), Ct);

        Assert.Equal([("c9", "now", "d1p0")], h.Platform.Posted.Select(p => (p.Channel, p.Text, p.Key)));
        Assert.Equal((DigestsOptions.DefaultMaxItems, (string?)null), (h.Composer.Requests[0].MaxItems, h.Composer.Requests[0].Filter));
    }
}
