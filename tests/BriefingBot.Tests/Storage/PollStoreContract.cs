using BriefingBot.Chat;
using BriefingBot.Polls;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IPollStore"/> must do; each provider's test class runs all of it.</summary>
public abstract class PollStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A migrated, empty store of the provider under test.</summary>
    protected abstract Task<StorageHarness> OpenAsync();

    private static IPollStore Polls(StorageHarness harness) => harness.Services.GetRequiredService<IPollStore>();

    private static NewPoll NewPoll(string channel = "C1", string platform = "slack") =>
        new(platform, channel, "U-creator", "Creator", "Will it rain?", 7, ["north-korea", "russia"], Now, Now.AddDays(7), new DateOnly(2026, 3, 31));

    private static Vote Vote(long poll, string user, double probability, DateTimeOffset? at = null) =>
        new(poll, user, user.ToUpperInvariant(), probability, ProbabilityBand.For(probability).Id, at ?? Now.AddHours(1));

    [Fact]
    public async Task CreateAsync_NewPoll_ReadsBackEveryField()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);

        var created = await store.CreateAsync(NewPoll(), Ct);
        await store.SetMessageAsync(created.Id, new MessageRef("slack", "C1", "1700000000.000100"), Ct);
        var stored = await store.GetAsync(created.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(("slack", "C1", "U-creator", "Creator", "Will it rain?", (long?)7), (stored.Platform, stored.ChannelId, stored.CreatorId, stored.CreatorName, stored.Question, stored.DevelopmentId));
        Assert.Equal(["north-korea", "russia"], stored.ActorIds);
        Assert.Equal((Now, Now.AddDays(7), new DateOnly(2026, 3, 31)), (stored.CreatedAt, stored.ClosesAt, stored.ResolveBy));
        Assert.Equal(new MessageRef("slack", "C1", "1700000000.000100"), stored.Message);
        Assert.Null(stored.ClosedAt);
        Assert.Null(stored.Outcome);
        Assert.Null(await store.GetAsync(created.Id + 1000, Ct));
    }

    [Fact]
    public async Task VoteAsync_SameUserTwice_KeepsOneVoteWithTheLatestProbability()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var poll = await store.CreateAsync(NewPoll(), Ct);

        Assert.True(await store.VoteAsync(Vote(poll.Id, "u1", 30), Ct));
        Assert.True(await store.VoteAsync(Vote(poll.Id, "u1", 70, Now.AddHours(2)), Ct));
        Assert.True(await store.VoteAsync(Vote(poll.Id, "u2", 50), Ct));

        Assert.Equal(2, await store.CountVotesAsync(poll.Id, Ct));
        var vote = await store.GetVoteAsync(poll.Id, "u1", Ct);
        Assert.Equal((70.0, "likely", Now.AddHours(2)), (vote!.Probability, vote.Band, vote.VotedAt));
        Assert.Null(await store.GetVoteAsync(poll.Id, "nobody", Ct));
    }

    [Fact]
    public async Task VoteAsync_ConcurrentDuplicateVotes_CountsEachUserOnce()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var poll = await store.CreateAsync(NewPoll(), Ct);

        // 40 users click 5 times each, all at once.
        var clicks = Enumerable.Range(0, 200).Select(i => Task.Run(() => store.VoteAsync(Vote(poll.Id, $"user{i % 40}", i % 100), Ct), Ct));
        var results = await Task.WhenAll(clicks);

        Assert.All(results, Assert.True);
        Assert.Equal(40, await store.CountVotesAsync(poll.Id, Ct));
        Assert.Equal(40, (await store.ListVotesAsync(poll.Id, Ct)).Select(v => v.UserId).Distinct().Count());
    }

    [Fact]
    public async Task VoteAsync_AfterCloseOrDeadlineOrUnknownPoll_IsRefused()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var closed = await store.CreateAsync(NewPoll(), Ct);
        var open = await store.CreateAsync(NewPoll(), Ct);
        Assert.True(await store.TryCloseAsync(closed.Id, Now.AddHours(1), Ct));

        Assert.False(await store.VoteAsync(Vote(closed.Id, "u1", 40, Now.AddHours(2)), Ct));
        Assert.False(await store.VoteAsync(Vote(open.Id, "u1", 40, Now.AddDays(8)), Ct));
        Assert.False(await store.VoteAsync(Vote(open.Id + 1000, "u1", 40), Ct));
        Assert.Equal(0, await store.CountVotesAsync(closed.Id, Ct));
    }

    [Fact]
    public async Task TryCloseAsync_CalledConcurrently_OnlyOneWins()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var poll = await store.CreateAsync(NewPoll(), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.TryCloseAsync(poll.Id, Now.AddHours(3), Ct), Ct)));

        Assert.Single(results, r => r);
        Assert.Equal(Now.AddHours(3), (await store.GetAsync(poll.Id, Ct))!.ClosedAt);
        Assert.DoesNotContain(await store.ListUnclosedAsync(Ct), p => p.Id == poll.Id);
    }

    [Fact]
    public async Task TryResolveAsync_OpenPoll_RefusedThenOnceAfterClose()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var poll = await store.CreateAsync(NewPoll(), Ct);

        Assert.False(await store.TryResolveAsync(poll.Id, PollOutcome.Yes, Now, Ct));
        await store.TryCloseAsync(poll.Id, Now, Ct);
        Assert.True(await store.TryResolveAsync(poll.Id, PollOutcome.No, Now.AddDays(30), Ct));
        Assert.False(await store.TryResolveAsync(poll.Id, PollOutcome.Yes, Now.AddDays(31), Ct));

        var stored = await store.GetAsync(poll.Id, Ct);
        Assert.Equal((PollOutcome?)PollOutcome.No, stored!.Outcome);
        Assert.Equal(Now.AddDays(30), stored.ResolvedAt);
    }

    [Fact]
    public async Task ListDueRemindersAsync_PastResolveByUnresolved_ListedUntilReminded()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var due = await store.CreateAsync(NewPoll(), Ct);
        var resolved = await store.CreateAsync(NewPoll(), Ct);
        await store.TryCloseAsync(resolved.Id, Now, Ct);
        await store.TryResolveAsync(resolved.Id, PollOutcome.Yes, Now, Ct);

        Assert.Empty(await store.ListDueRemindersAsync(new DateOnly(2026, 3, 31), Ct));
        Assert.Equal([due.Id], (await store.ListDueRemindersAsync(new DateOnly(2026, 4, 1), Ct)).Select(p => p.Id));
        Assert.True(await store.TryMarkRemindedAsync(due.Id, Now, Ct));
        Assert.False(await store.TryMarkRemindedAsync(due.Id, Now, Ct));
        Assert.Empty(await store.ListDueRemindersAsync(new DateOnly(2026, 4, 1), Ct));
    }

    [Fact]
    public async Task TrySetThreadAndRecordReport_SecondTime_Refused()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var poll = await store.CreateAsync(NewPoll(), Ct);

        Assert.True(await store.TrySetThreadAsync(poll.Id, new MessageRef("slack", "C1", "t1"), Ct));
        Assert.False(await store.TrySetThreadAsync(poll.Id, new MessageRef("slack", "C1", "t2"), Ct));
        Assert.True(await store.TryRecordReportAsync(poll.Id, 42, Now, Ct));
        Assert.False(await store.TryRecordReportAsync(poll.Id, 42, Now, Ct));
        Assert.True(await store.TryRecordReportAsync(poll.Id, 43, Now, Ct));

        Assert.Equal(new MessageRef("slack", "C1", "t1"), (await store.GetAsync(poll.Id, Ct))!.Thread);
    }

    [Fact]
    public async Task ListScoredVotesAsync_OnlyYesNoPollsOfThePlatformAndChannel()
    {
        await using var harness = await OpenAsync();
        var store = Polls(harness);
        var yes = await store.CreateAsync(NewPoll("C1"), Ct);
        var no = await store.CreateAsync(NewPoll("C2"), Ct);
        var ambiguous = await store.CreateAsync(NewPoll("C1"), Ct);
        var open = await store.CreateAsync(NewPoll("C1"), Ct);
        var elsewhere = await store.CreateAsync(NewPoll("C1", platform: "discord"), Ct);
        foreach (var poll in new[] { yes, no, ambiguous, open, elsewhere })
        {
            await store.VoteAsync(Vote(poll.Id, "u1", 80), Ct);
        }

        foreach (var (poll, outcome) in new[] { (yes, PollOutcome.Yes), (no, PollOutcome.No), (ambiguous, PollOutcome.Ambiguous), (elsewhere, PollOutcome.Yes) })
        {
            await store.TryCloseAsync(poll.Id, Now.AddHours(2), Ct);
            await store.TryResolveAsync(poll.Id, outcome, Now.AddHours(3), Ct);
        }

        var all = await store.ListScoredVotesAsync("slack", null, Ct);
        var inC1 = await store.ListScoredVotesAsync("slack", "C1", Ct);

        Assert.Equal([(yes.Id, true), (no.Id, false)], all.Select(v => (v.Vote.PollId, v.Happened)));
        Assert.Equal([yes.Id], inC1.Select(v => v.Vote.PollId));
    }
}
