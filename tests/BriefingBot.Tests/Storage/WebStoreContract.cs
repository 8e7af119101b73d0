using BriefingBot.Digests;
using BriefingBot.Polls;
using BriefingBot.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IWebStore"/> must do; each provider's test class runs all of it.</summary>
public abstract class WebStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrated, empty store of the provider under test.</summary>
    protected abstract Task<StorageHarness> OpenAsync();

    private static IWebStore Web(StorageHarness harness) => harness.Services.GetRequiredService<IWebStore>();

    [Fact]
    public async Task GetOrAddKeyAsync_SecondCandidate_KeepsTheFirstKey()
    {
        await using var harness = await OpenAsync();
        var store = Web(harness);

        var first = await store.GetOrAddKeyAsync("link-signing", [1, 2, 3], Ct);
        var second = await store.GetOrAddKeyAsync("link-signing", [9, 9, 9], Ct);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
    }

    [Fact]
    public async Task GetSessionAsync_BeforeAndAfterExpiry_FoundThenGone()
    {
        await using var harness = await OpenAsync();
        var store = Web(harness);
        var session = new WebSession("slack", "T1", "U1", "Ann", Now, Now.AddDays(7));

        await store.CreateSessionAsync("hash-1", session, Ct);

        Assert.Equal(session, await store.GetSessionAsync("hash-1", Now.AddDays(6), Ct));
        Assert.Null(await store.GetSessionAsync("hash-1", Now.AddDays(7), Ct));
        Assert.Null(await store.GetSessionAsync("hash-2", Now, Ct));
    }

    [Fact]
    public async Task RevokeAsync_UserWithTwoSessions_EndsBothAndNoOtherUsers()
    {
        await using var harness = await OpenAsync();
        var store = Web(harness);
        await store.CreateSessionAsync("a", new WebSession("slack", "T1", "U1", "Ann", Now, Now.AddDays(7)), Ct);
        await store.CreateSessionAsync("b", new WebSession("slack", "T1", "U1", "Ann", Now, Now.AddDays(7)), Ct);
        await store.CreateSessionAsync("c", new WebSession("slack", "T1", "U2", "Bob", Now, Now.AddDays(7)), Ct);
        await store.CreateSessionAsync("d", new WebSession("slack", "T2", "U1", "Ann elsewhere", Now, Now.AddDays(7)), Ct);

        var ended = await store.RevokeAsync(new WebUser("slack", "T1", "U1"), Now.AddHours(1), Ct);

        Assert.Equal(2, ended);
        Assert.Null(await store.GetSessionAsync("a", Now, Ct));
        Assert.Null(await store.GetSessionAsync("b", Now, Ct));
        Assert.NotNull(await store.GetSessionAsync("c", Now, Ct));
        Assert.NotNull(await store.GetSessionAsync("d", Now, Ct));
        Assert.Equal(Now.AddHours(1), await store.GetRevokedAtAsync(new WebUser("slack", "T1", "U1"), Ct));
        Assert.Null(await store.GetRevokedAtAsync(new WebUser("slack", "T1", "U2"), Ct));
    }

    [Fact]
    public async Task RecordChannelAsync_TwoWorkspaces_EachSeesOnlyItsChannels()
    {
        await using var harness = await OpenAsync();
        var store = Web(harness);

        await store.RecordChannelAsync("slack", "C1", "T1", Now, Ct);
        await store.RecordChannelAsync("slack", "C2", "T1", Now.AddMinutes(1), Ct);
        await store.RecordChannelAsync("slack", "C1", "T1", Now.AddMinutes(2), Ct);
        await store.RecordChannelAsync("slack", "C9", "T2", Now, Ct);
        await store.RecordChannelAsync("discord", "C1", "G1", Now, Ct);

        Assert.Equal(["C1", "C2"], await store.ListChannelsAsync("slack", "T1", Ct));
        Assert.Equal(["C9"], await store.ListChannelsAsync("slack", "T2", Ct));
        Assert.True(await store.IsChannelInWorkspaceAsync("slack", "C2", "T1", Ct));
        Assert.False(await store.IsChannelInWorkspaceAsync("slack", "C9", "T1", Ct));
        Assert.False(await store.IsChannelInWorkspaceAsync("discord", "C1", "T1", Ct));
    }

    [Fact]
    public async Task SetSharingAsync_OnThenOff_ListsOnlyWhileOn()
    {
        await using var harness = await OpenAsync();
        var store = Web(harness);

        await store.SetSharingAsync(new WebUser("slack", "T1", "U1"), true, Ct);
        await store.SetSharingAsync(new WebUser("slack", "T1", "U1"), true, Ct);
        await store.SetSharingAsync(new WebUser("slack", "T1", "U2"), true, Ct);
        await store.SetSharingAsync(new WebUser("slack", "T1", "U2"), false, Ct);

        Assert.Equal(["U1"], await store.ListSharingAsync("slack", "T1", Ct));
        Assert.Empty(await store.ListSharingAsync("slack", "T2", Ct));
    }

    [Fact]
    public async Task ListDigestsAsync_SentRuns_NewestFirstWithPartsAndStoriesPaged()
    {
        await using var harness = await OpenAsync();
        var digests = harness.Services.GetRequiredService<IDigestStore>();
        for (var i = 0; i < 3; i++)
        {
            var run = await digests.ClaimRunAsync("slack", "C1", Now.AddDays(i), Ct);
            await digests.SavePartsAsync(run.Id, [$"{{\"Text\":\"digest {i} part 0\"}}", $"{{\"Text\":\"digest {i} part 1\"}}"], [10 + i, 20 + i], Now.AddDays(i), Ct);
            await digests.CompleteRunAsync(run.Id, Now.AddDays(i).AddMinutes(1), Ct);
        }

        var unsent = await digests.ClaimRunAsync("slack", "C1", Now.AddDays(5), Ct);
        await digests.SavePartsAsync(unsent.Id, ["{}"], [99], Now.AddDays(5), Ct);
        var other = await digests.ClaimRunAsync("slack", "C2", Now, Ct);
        await digests.SavePartsAsync(other.Id, ["{}"], [98], Now, Ct);
        await digests.CompleteRunAsync(other.Id, Now, Ct);
        var store = Web(harness);

        var first = await store.ListDigestsAsync("slack", "C1", 2, 0, Ct);
        var second = await store.ListDigestsAsync("slack", "C1", 2, 2, Ct);

        Assert.Equal(3, await store.CountDigestsAsync("slack", "C1", Ct));
        Assert.Equal([Now.AddDays(2), Now.AddDays(1)], first.Select(d => d.FireTime));
        Assert.Equal(["{\"Text\":\"digest 2 part 0\"}", "{\"Text\":\"digest 2 part 1\"}"], first[0].Payloads);
        Assert.Equal([12L, 22L], first[0].StoryIds);
        Assert.Equal(Now.AddDays(2).AddMinutes(1), first[0].SentAt);
        Assert.Equal([Now], second.Select(d => d.FireTime));
    }

    [Fact]
    public async Task ListPollIdsAsync_Channels_OnlyThoseChannelsOfThatPlatformNewestFirst()
    {
        await using var harness = await OpenAsync();
        var polls = harness.Services.GetRequiredService<IPollStore>();
        async Task<long> Create(string platform, string channel) =>
            (await polls.CreateAsync(new NewPoll(platform, channel, "U", "U", "Q?", null, [], Now, Now.AddDays(1), new DateOnly(2026, 4, 1)), Ct)).Id;
        var a = await Create("slack", "C1");
        var b = await Create("slack", "C2");
        await Create("slack", "C3");
        await Create("discord", "C1");
        var store = Web(harness);

        Assert.Equal([b, a], await store.ListPollIdsAsync("slack", ["C1", "C2"], 10, Ct));
        Assert.Empty(await store.ListPollIdsAsync("slack", [], 10, Ct));
    }
}
