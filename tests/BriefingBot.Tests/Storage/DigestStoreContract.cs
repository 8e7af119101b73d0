using BriefingBot.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IDigestStore"/> must do; SQLite and PostgreSQL run all of it.</summary>
public abstract class DigestStoreContract
{
    private static readonly DateTimeOffset Fire = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StorageHarness> OpenAsync();

    private static IDigestStore Store(StorageHarness harness) => harness.Services.GetRequiredService<IDigestStore>();

    private static DigestSubscription Subscription(string channel = "c1", string schedule = "daily 08:00", string? filter = null) =>
        new("discord", channel, schedule, "0 0 8 ? * *", "Europe/London", filter, 5, SubscriptionOrigin.Chat);

    [Fact]
    public async Task SaveSubscriptionAsync_SameChannelTwice_KeepsOneReplacedAndEnabled()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);

        var first = await store.SaveSubscriptionAsync(Subscription(filter: "Kyiv"), Ct);
        await store.DisableSubscriptionAsync("discord", "c1", "gone", Ct);
        var second = await store.SaveSubscriptionAsync(Subscription(schedule: "weekdays 08:00"), Ct);
        var all = await store.ListSubscriptionsAsync(Ct);

        var only = Assert.Single(all);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(("weekdays 08:00", null, true, null), (only.Schedule, only.Filter, only.Enabled, only.DisabledReason));
    }

    [Fact]
    public async Task DisableSubscriptionAsync_Reason_IsReadBack()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        await store.SaveSubscriptionAsync(Subscription(), Ct);

        await store.DisableSubscriptionAsync("discord", "c1", "the channel no longer exists", Ct);
        var read = await store.GetSubscriptionAsync("discord", "c1", Ct);

        Assert.Equal((false, "the channel no longer exists"), (read!.Enabled, read.DisabledReason));
    }

    [Fact]
    public async Task DeleteSubscriptionAsync_Missing_ReturnsFalse()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        await store.SaveSubscriptionAsync(Subscription(), Ct);

        Assert.True(await store.DeleteSubscriptionAsync("discord", "c1", Ct));
        Assert.False(await store.DeleteSubscriptionAsync("discord", "c1", Ct));
        Assert.Null(await store.GetSubscriptionAsync("discord", "c1", Ct));
    }

    [Fact]
    public async Task ClaimRunAsync_SameChannelAndFireTime_ReturnsTheSameRun()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);

        var first = await store.ClaimRunAsync("discord", "c1", Fire, Ct);
        var again = await store.ClaimRunAsync("discord", "c1", Fire, Ct);
        var other = await store.ClaimRunAsync("discord", "c1", Fire.AddMinutes(1), Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal((DigestRunStatus.Claimed, Fire), (again.Status, again.FireTime));
    }

    [Fact]
    public async Task ClaimRunAsync_Concurrently_OneRunForAll()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ClaimRunAsync("discord", "c1", Fire, Ct)));

        Assert.Single(runs.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task PartsLifecycle_SentPartsKeepTheirIds_CompleteRecordsStoriesAndComposeTime()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var run = await store.ClaimRunAsync("discord", "c1", Fire, Ct);
        var composedAt = Fire.AddSeconds(2);

        await store.SavePartsAsync(run.Id, ["one", "two"], [11, 12], composedAt, Ct);
        await store.MarkPartSentAsync(run.Id, 0, "m-1", Fire.AddSeconds(3), Ct);
        var halfway = await store.GetPartsAsync(run.Id, Ct);
        var unfinished = await store.ListUnfinishedRunsAsync("discord", "c1", Ct);
        await store.MarkPartSentAsync(run.Id, 1, "m-2", Fire.AddSeconds(4), Ct);
        await store.CompleteRunAsync(run.Id, Fire.AddSeconds(5), Ct);
        var state = await store.GetChannelStateAsync("discord", "c1", Fire.AddDays(-30), Ct);

        Assert.Equal([new DigestRunPart(0, "one", "m-1"), new DigestRunPart(1, "two", null)], halfway);
        Assert.Equal(DigestRunStatus.Sending, Assert.Single(unfinished).Status);
        Assert.Empty(await store.ListUnfinishedRunsAsync("discord", "c1", Ct));
        Assert.Equal(DigestRunStatus.Sent, (await store.ClaimRunAsync("discord", "c1", Fire, Ct)).Status);
        Assert.Equal(composedAt, state.LastSentAt);
        Assert.Equal([11L, 12L], state.SentStoryIds.Order());
    }

    [Fact]
    public async Task GetChannelStateAsync_OtherChannelAndOldStories_AreNotIncluded()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var run = await store.ClaimRunAsync("discord", "c1", Fire, Ct);
        await store.SavePartsAsync(run.Id, ["x"], [7], Fire, Ct);
        await store.CompleteRunAsync(run.Id, Fire, Ct);

        var other = await store.GetChannelStateAsync("discord", "c2", Fire.AddDays(-1), Ct);
        var later = await store.GetChannelStateAsync("discord", "c1", Fire.AddSeconds(1), Ct);

        Assert.Equal((null, 0), (other.LastSentAt, other.SentStoryIds.Count));
        Assert.Empty(later.SentStoryIds);
    }

    [Fact]
    public async Task FailRunAsync_Run_IsFinishedAndNotUnfinished()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var run = await store.ClaimRunAsync("discord", "c1", Fire, Ct);

        await store.FailRunAsync(run.Id, "channel gone", Fire, Ct);

        Assert.Empty(await store.ListUnfinishedRunsAsync("discord", "c1", Ct));
        Assert.True((await store.ClaimRunAsync("discord", "c1", Fire, Ct)).IsFinished);
    }
}

public sealed class SqliteDigestStoreTests : DigestStoreContract, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    protected override Task<StorageHarness> OpenAsync() =>
        StorageHarness.StartAsync(new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, Ct);
}

public sealed class PostgresDigestStoreTests(PostgresTestDatabase database) : DigestStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<StorageHarness> OpenAsync()
    {
        var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Postgres", ["ConnectionString"] = database.ConnectionString }, Ct);
        await using var connection = await harness.Services.GetRequiredService<BriefingBot.Storage.Postgres.PostgresDatabase>().OpenAsync(Ct);
        await using var truncate = new Npgsql.NpgsqlCommand(
            "TRUNCATE digest_subscriptions, digest_runs, digest_run_parts, digest_channels, digest_sent_stories RESTART IDENTITY CASCADE", connection);
        await truncate.ExecuteNonQueryAsync(Ct);
        return harness;
    }
}
