using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Storage;

/// <summary>Actor counts per workspace: the shared articles plus the workspace's own; the operator (null) counts every article once.</summary>
public abstract partial class ActorStoreContract
{
    private const string One = "slack:T1";
    private const string Two = "discord:9";

    [Fact]
    public async Task GetDaysAsync_TwoWorkspaces_EachCountsTheSharedAndItsOwn()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, Today, NorthKorea, Russia);
        await AddInAsync(harness, One, NorthKorea, NorthKorea);
        await AddInAsync(harness, Two, NorthKorea, China);

        var store = Store(harness);

        Assert.Equal([new ActorDay(Today, 3, 2)], await store.GetDaysAsync("kp", Today, Today, One, Ct));
        Assert.Equal([new ActorDay(Today, 2, 2)], await store.GetDaysAsync("kp", Today, Today, Two, Ct));
        Assert.Equal([new ActorDay(Today, 1, 1)], await store.GetDaysAsync("kp", Today, Today, "slack:T3", Ct));
        Assert.Equal([new ActorDay(Today, 4, 3)], await store.GetDaysAsync("kp", Today, Today, null, Ct));
        Assert.Empty(await store.GetDaysAsync("cn", Today, Today, One, Ct));
    }

    [Fact]
    public async Task GetCoMentionsAndLatestAndTop_AnotherWorkspacesArticle_LeftOut()
    {
        await using var harness = await OpenAsync();
        var shared = await AddAsync(harness, Today, NorthKorea, Russia);
        var mine = await AddInAsync(harness, One, NorthKorea, Russia);
        var theirs = await AddInAsync(harness, Two, NorthKorea, China, China);

        var store = Store(harness);

        Assert.Equal([new CoMention("ru", 2)], await store.GetCoMentionsAsync("kp", 10, One, Ct));
        Assert.Equal([new CoMention("cn", 1), new CoMention("ru", 1)], await store.GetCoMentionsAsync("kp", 10, Two, Ct));
        Assert.Equal([new CoMention("ru", 2), new CoMention("cn", 1)], await store.GetCoMentionsAsync("kp", 10, null, Ct));
        Assert.Equal([mine, shared], (await store.GetLatestArticlesAsync("kp", 10, One, Ct)).Select(a => a.Id));
        Assert.Equal([theirs, shared], (await store.GetLatestArticlesAsync("kp", 10, Two, Ct)).Select(a => a.Id));
        Assert.Equal([theirs, mine, shared], (await store.GetLatestArticlesAsync("kp", 10, null, Ct)).Select(a => a.Id));
        Assert.Equal([new ActorPeriod("kp", 2, 0), new ActorPeriod("ru", 2, 0)], await store.GetTopAsync(Today, Today, 10, One, Ct));
        Assert.Equal(
            [new ActorPeriod("cn", 2, 0), new ActorPeriod("kp", 2, 0), new ActorPeriod("ru", 1, 0)],
            await store.GetTopAsync(Today, Today, 10, Two, Ct));
    }

    [Fact]
    public async Task ArticleOwners_SecondWorkspaceThenOperatorAddIt_CountsFollowAndCardVersionGrows()
    {
        await using var harness = await OpenAsync();
        var article = TestArticles.Create("Private tip", TestArticles.LongText(74), published: new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var added = await harness.Articles.AddAsync(article with { Tenant = One }, Ct);
        await harness.Analysis.SaveAsync(added.ArticleId, Analysis(NorthKorea, NorthKorea, Russia), Ct);
        var store = Store(harness);
        var privateVersion = await store.GetCardVersionAsync("kp", Ct);

        await harness.Articles.AddAsync(article with { Tenant = Two }, Ct);
        var twoDays = await store.GetDaysAsync("kp", Today, Today, Two, Ct);
        var twoPairs = await store.GetCoMentionsAsync("kp", 10, Two, Ct);
        var stillHidden = await store.GetDaysAsync("kp", Today, Today, "slack:T3", Ct);
        var twoOwnersVersion = await store.GetCardVersionAsync("kp", Ct);
        await harness.Articles.AddAsync(article, Ct);

        Assert.Equal([new ActorDay(Today, 2, 1)], twoDays);
        Assert.Equal([new CoMention("ru", 1)], twoPairs);
        Assert.Empty(stillHidden);
        Assert.True(twoOwnersVersion > privateVersion);
        Assert.True(await store.GetCardVersionAsync("kp", Ct) > twoOwnersVersion);
        foreach (var tenant in new[] { One, Two, "slack:T3", null })
        {
            Assert.Equal([new ActorDay(Today, 2, 1)], await store.GetDaysAsync("kp", Today, Today, tenant, Ct));
            Assert.Equal([new CoMention("ru", 1)], await store.GetCoMentionsAsync("kp", 10, tenant, Ct));
            Assert.Equal([added.ArticleId], (await store.GetLatestArticlesAsync("kp", 10, tenant, Ct)).Select(a => a.Id));
        }
    }

    [Fact]
    public async Task SaveAsync_PrivateArticleReanalysed_ReplacesItsCountsUnderEveryKey()
    {
        await using var harness = await OpenAsync();
        var id = await AddInAsync(harness, One, NorthKorea, Russia);

        await harness.Analysis.SaveAsync(id, Analysis(China), Ct);

        var store = Store(harness);
        foreach (var tenant in new[] { One, null })
        {
            Assert.Empty(await store.GetDaysAsync("kp", Today, Today, tenant, Ct));
            Assert.Empty(await store.GetCoMentionsAsync("kp", 10, tenant, Ct));
            Assert.Equal([new ActorDay(Today, 1, 1)], await store.GetDaysAsync("cn", Today, Today, tenant, Ct));
        }
    }

    [Fact]
    public async Task Migrate_PrivateMentionsStoredBefore_KeepsThemPrivate()
    {
        await using var harness = await OpenAsync();
        await AddInAsync(harness, One, NorthKorea);

        Assert.Equal(0, await harness.Migrator.MigrateAsync(Ct));
        Assert.Empty(await Store(harness).GetDaysAsync("kp", Today, Today, Two, Ct));
        Assert.Equal([new ActorDay(Today, 1, 1)], await Store(harness).GetDaysAsync("kp", Today, Today, One, Ct));
    }

    private static Task<long> AddInAsync(StorageHarness harness, string tenant, params Actor[] actors) =>
        SaveAsync(harness, Today, tenant, [.. actors.Select(Mention)]);
}
