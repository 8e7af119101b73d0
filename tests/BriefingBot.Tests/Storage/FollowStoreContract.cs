using BriefingBot.Follows;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IFollowStore"/> must do; SQLite and PostgreSQL run all of it.</summary>
public abstract class FollowStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StorageHarness> OpenAsync();

    private static IFollowStore Store(StorageHarness harness) => harness.Services.GetRequiredService<IFollowStore>();

    private static NewFollow NewFollow(string user = "u1", string key = "north-korea", FollowDelivery delivery = FollowDelivery.Dm, string channel = "", string mention = "") =>
        new("discord", "g1", user, "Ann", new FollowTarget(FollowTargetKind.Actor, key, "North Korea"), delivery, channel, mention);

    [Fact]
    public async Task AddAsync_SameFollowTwice_KeepsOneAndTurnsItOnAgain()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);

        var (first, created) = await store.AddAsync(NewFollow(), Now, Ct);
        await store.DisableAsync(first.Id, "DMs are closed", Ct);
        var disabled = await store.GetAsync(first.Id, Ct);
        var (second, createdAgain) = await store.AddAsync(NewFollow(), Now.AddHours(1), Ct);
        var (other, _) = await store.AddAsync(NewFollow(delivery: FollowDelivery.Here, channel: "c1"), Now, Ct);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal((false, "DMs are closed"), (disabled!.Active, disabled.Note));
        Assert.Equal((first.Id, true, null), (second.Id, second.Active, second.Note));
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(Now, second.CreatedAt);
        Assert.Equal(("north-korea", "North Korea", FollowTargetKind.Actor), (second.Target.Key, second.Target.Label, second.Target.Kind));
    }

    [Fact]
    public async Task ListForUserAsync_OtherUsersAndWorkspaces_AreLeftOut()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (mine, _) = await store.AddAsync(NewFollow(), Now, Ct);
        await store.AddAsync(NewFollow(user: "u2"), Now, Ct);
        await store.AddAsync(NewFollow() with { WorkspaceId = "g2" }, Now, Ct);

        var listed = await store.ListForUserAsync("discord", "g1", "u1", Ct);

        Assert.Equal([mine.Id], listed.Select(f => f.Id));
    }

    [Fact]
    public async Task QueueAlertAsync_SameStoryTwice_QueuesOnceEvenAfterItWasSent()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);

        Assert.True(await store.QueueAlertAsync(new FollowAlert(follow.Id, 7, 70, [3, 4], Now), Ct));
        Assert.False(await store.QueueAlertAsync(new FollowAlert(follow.Id, 7, 71, [], Now), Ct));
        var batch = await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);
        await store.SavePayloadAsync(batch!.Id, "{}", Ct);
        await store.CompleteBatchAsync(batch.Id, "m1", Now, Ct);

        Assert.False(await store.QueueAlertAsync(new FollowAlert(follow.Id, 7, 72, [], Now.AddDays(1)), Ct));
        Assert.False(await store.QueueAlertAsync(new FollowAlert(follow.Id + 1000, 7, 72, [], Now), Ct));
        var alert = Assert.Single(batch.Alerts);
        Assert.Equal((7L, 70L), (alert.StoryId, alert.ArticleId));
        Assert.Equal([3L, 4L], alert.DevelopmentIds);
    }

    [Fact]
    public async Task ListDueAsync_AfterAnAlert_WaitsForTheInterval()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);
        var (idle, _) = await store.AddAsync(NewFollow(user: "u2"), Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 1, 10, [], Now), Ct);

        Assert.Equal([follow.Id], await store.ListDueAsync(Now, TimeSpan.FromMinutes(15), Ct));
        var batch = await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);
        await store.SavePayloadAsync(batch!.Id, "{}", Ct);
        await store.CompleteBatchAsync(batch.Id, "m1", Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 2, 20, [], Now.AddMinutes(1)), Ct);

        Assert.Empty(await store.ListDueAsync(Now.AddMinutes(14), TimeSpan.FromMinutes(15), Ct));
        Assert.Equal([follow.Id], await store.ListDueAsync(Now.AddMinutes(15), TimeSpan.FromMinutes(15), Ct));
        Assert.Equal(Now, (await store.GetAsync(follow.Id, Ct))!.LastAlertAt);
        Assert.DoesNotContain(idle.Id, await store.ListDueAsync(Now.AddDays(1), TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task ListDueAsync_DisabledFollow_IsNotDue()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 1, 10, [], Now), Ct);

        await store.DisableAsync(follow.Id, "gone", Ct);

        Assert.Empty(await store.ListDueAsync(Now, TimeSpan.Zero, Ct));
        Assert.Empty(await store.ListActiveAsync(Ct));
    }

    [Fact]
    public async Task ClaimBatchAsync_Twice_SecondClaimsNothingUntilMoreIsQueued()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 1, 10, [], Now), Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 2, 20, [5], Now.AddSeconds(1)), Ct);

        var first = await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);
        var second = await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 3, 30, [], Now.AddSeconds(2)), Ct);
        var third = await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);

        Assert.Equal([1L, 2L], first!.Alerts.Select(a => a.StoryId));
        Assert.Equal(FollowBatchStatus.Claimed, first.Status);
        Assert.Null(second);
        Assert.Equal([3L], third!.Alerts.Select(a => a.StoryId));
    }

    [Fact]
    public async Task ClaimBatchAsync_Concurrent_EachAlertInExactlyOneBatch()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);
        for (var story = 1; story <= 5; story++)
        {
            await store.QueueAlertAsync(new FollowAlert(follow.Id, story, story * 10, [], Now), Ct);
        }

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct), Ct)));

        var claimed = Assert.Single(batches, b => b is not null);
        Assert.Equal(5, claimed!.Alerts.Count);
    }

    [Fact]
    public async Task LeaseUnfinishedBatchesAsync_ExpiredLeases_TakenOnceUntilSentOrFailed()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (a, _) = await store.AddAsync(NewFollow(), Now, Ct);
        var (b, _) = await store.AddAsync(NewFollow(user: "u2"), Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(a.Id, 1, 10, [], Now), Ct);
        await store.QueueAlertAsync(new FollowAlert(b.Id, 1, 10, [], Now), Ct);
        var claimed = await store.ClaimBatchAsync(a.Id, Now, Now + Lease, Ct);
        var sending = await store.ClaimBatchAsync(b.Id, Now, Now + Lease, Ct);
        await store.SavePayloadAsync(sending!.Id, "{\"text\":\"hi\"}", Ct);

        var whileHeld = await store.LeaseUnfinishedBatchesAsync(Now.AddSeconds(30), Now.AddSeconds(90), Ct);
        var open = await store.LeaseUnfinishedBatchesAsync(Now.AddMinutes(2), Now.AddMinutes(3), Ct);
        var again = await store.LeaseUnfinishedBatchesAsync(Now.AddMinutes(2), Now.AddMinutes(3), Ct);
        await store.FailBatchAsync(claimed!.Id, "refused", Now, Ct);
        await store.CompleteBatchAsync(sending.Id, "m9", Now, Ct);

        Assert.Empty(whileHeld);
        Assert.Equal([(claimed.Id, FollowBatchStatus.Claimed, (string?)null), (sending.Id, FollowBatchStatus.Sending, "{\"text\":\"hi\"}")],
            open.Select(x => (x.Id, x.Status, x.Payload)));
        Assert.Single(open[1].Alerts);
        Assert.Empty(again);
        Assert.Empty(await store.LeaseUnfinishedBatchesAsync(Now.AddDays(1), Now.AddDays(2), Ct));
    }

    [Fact]
    public async Task LeaseUnfinishedBatchesAsync_Concurrent_EachBatchToOneCaller()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        for (var user = 0; user < 4; user++)
        {
            var (follow, _) = await store.AddAsync(NewFollow(user: "u" + user), Now, Ct);
            await store.QueueAlertAsync(new FollowAlert(follow.Id, 1, 10, [], Now), Ct);
            await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);
        }

        var leased = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.LeaseUnfinishedBatchesAsync(Now.AddMinutes(5), Now.AddMinutes(6), Ct), Ct)));

        var ids = leased.SelectMany(l => l).Select(b => b.Id).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public async Task DeleteAsync_Follow_RemovesItsAlertsAndBatches()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (follow, _) = await store.AddAsync(NewFollow(), Now, Ct);
        await store.QueueAlertAsync(new FollowAlert(follow.Id, 1, 10, [], Now), Ct);
        await store.ClaimBatchAsync(follow.Id, Now, Now + Lease, Ct);

        Assert.True(await store.DeleteAsync(follow.Id, Ct));
        Assert.False(await store.DeleteAsync(follow.Id, Ct));
        Assert.Null(await store.GetAsync(follow.Id, Ct));
        Assert.Empty(await store.LeaseUnfinishedBatchesAsync(Now.AddDays(1), Now.AddDays(2), Ct));
    }
}
