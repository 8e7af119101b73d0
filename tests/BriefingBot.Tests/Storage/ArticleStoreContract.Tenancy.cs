using BriefingBot.Articles;

namespace BriefingBot.Tests.Storage;

/// <summary>Workspaces side by side: each sees the shared articles and its own chat additions, never another's.</summary>
public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task VisibleToAsync_TwoWorkspaces_EachSeesItsOwnAndTheShared()
    {
        await using var harness = await OpenAsync();
        var store = harness.Articles;
        var shared = await store.AddAsync(TestArticles.Create("Shared wire story", TestArticles.LongText(71)), Ct);
        var mine = await store.AddAsync(TestArticles.Create("Workspace one story", TestArticles.LongText(72)) with { Tenant = "slack:T1" }, Ct);
        var theirs = await store.AddAsync(TestArticles.Create("Workspace two story", TestArticles.LongText(73)) with { Tenant = "discord:9" }, Ct);
        long[] all = [shared.ArticleId, mine.ArticleId, theirs.ArticleId];

        var one = await store.VisibleToAsync(all, "slack:T1", Ct);
        var two = await store.VisibleToAsync(all, "discord:9", Ct);
        var three = await store.VisibleToAsync(all, "slack:T3", Ct);
        var search = await store.SearchAsync("story", 10, "slack:T1", Ct);
        var list = await store.ListAsync(10, 0, "discord:9", Ct);

        Assert.Equal([shared.ArticleId, mine.ArticleId], one.Order());
        Assert.Equal([shared.ArticleId, theirs.ArticleId], two.Order());
        Assert.Equal([shared.ArticleId], three);
        Assert.Equal([shared.ArticleId, mine.ArticleId], search.Select(h => h.Id).Order());
        Assert.Equal([shared.ArticleId, theirs.ArticleId], list.Select(a => a.Id).Order());
        Assert.Equal((2L, 2L, 1L, 3L), (await store.CountAsync("slack:T1", Ct), await store.CountAsync("discord:9", Ct), await store.CountAsync("slack:T3", Ct), await store.CountAsync(tenant: null, Ct)));
        Assert.Null(await store.GetAsync(theirs.ArticleId, "slack:T1", Ct));
        Assert.NotNull(await store.GetAsync(theirs.ArticleId, tenant: null, Ct));
    }

    [Fact]
    public async Task VisibleToAsync_SameArticleAddedInASecondWorkspace_BothSeeItOthersDoNotUntilTheOperatorAddsIt()
    {
        await using var harness = await OpenAsync();
        var store = harness.Articles;
        var article = TestArticles.Create("Private tip", TestArticles.LongText(74));
        var first = await store.AddAsync(article with { Tenant = "slack:T1" }, Ct);
        var second = await store.AddAsync(article with { Tenant = "slack:T2" }, Ct);

        var beforeOperator = await store.VisibleToAsync([first.ArticleId], "slack:T3", Ct);
        var both = (await store.VisibleToAsync([first.ArticleId], "slack:T1", Ct)).Count + (await store.VisibleToAsync([first.ArticleId], "slack:T2", Ct)).Count;
        await store.AddAsync(article, Ct);
        var afterOperator = await store.VisibleToAsync([first.ArticleId], "slack:T3", Ct);

        Assert.Equal((AddOutcome.Duplicate, first.ArticleId), (second.Outcome, second.ArticleId));
        Assert.Empty(beforeOperator);
        Assert.Equal(2, both);
        Assert.Equal(1, await store.CountAsync("slack:T3", Ct));
        Assert.Equal([first.ArticleId], afterOperator);
    }
}
