using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Storage;

public abstract partial class ArticleStoreContract
{
    private static readonly Actor Ukraine = new("ukraine", "Ukraine", ActorKind.State);
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public async Task DevelopmentsSaveAsync_SameClaimInTwoArticles_OneDevelopmentWithBothSources()
    {
        await using var harness = await OpenAsync();
        var first = await AddArticleAsync(harness, 1, new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero));
        var second = await AddArticleAsync(harness, 2, new DateTimeOffset(2026, 2, 22, 8, 0, 0, TimeSpan.Zero));

        await SaveAsync(harness, first, Troops("North Korea may send more troops to Russia this summer"));
        await SaveAsync(harness, second, Troops("North Korea could send more troops to Russia, officials say"));

        var open = await harness.Developments.ListOpenAsync(Today, null, 10, Ct);
        var development = Assert.Single(open);
        Assert.Equal([first, second], development.ArticleIds);
        Assert.Equal(2, development.Corroboration);
        Assert.Equal("North Korea may send more troops to Russia this summer", development.Development.Claim);
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 8, 0, 0, TimeSpan.Zero), development.FirstReportedAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 22, 8, 0, 0, TimeSpan.Zero), development.LastReportedAt);
        var again = await harness.Developments.GetAsync(development.Id, Ct);
        Assert.NotNull(again);
        Assert.Equal(development.ArticleIds, again.ArticleIds);
        Assert.Equal(development.Development.Question, again.Development.Question);
        Assert.Equal(development.Development.Window, again.Development.Window);
    }

    [Fact]
    public async Task DevelopmentsSaveAsync_DifferentClaimOrDisagreeingWindow_SeparateDevelopments()
    {
        await using var harness = await OpenAsync();
        var article = await AddArticleAsync(harness, 3, null);
        var january = new TimeWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));

        await SaveAsync(
            harness,
            article,
            Troops("North Korea may send more troops to Russia this summer"),
            Troops("North Korea may send more troops to Russia this summer") with { Window = january, ResolveBy = january.To },
            Troops("Russia could supply fighter jets and air defence systems to North Korea"));

        var open = await harness.Developments.ListOpenAsync(Today, null, 10, Ct);
        Assert.Equal(3, open.Count);
        Assert.All(open, d => Assert.Equal([article], d.ArticleIds));
    }

    [Fact]
    public async Task DevelopmentsSaveAsync_FirstReportWithoutWindow_FirstWindowStandsForTheGroup()
    {
        await using var harness = await OpenAsync();
        var undated = await AddArticleAsync(harness, 10, new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var summer = await AddArticleAsync(harness, 11, new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero));
        var winter = await AddArticleAsync(harness, 12, new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero));
        var january = new TimeWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));
        var claim = "North Korea may send more troops to Russia this summer";

        await SaveAsync(harness, undated, Troops(claim) with { Window = null, ResolveBy = new DateOnly(2026, 12, 31) });
        await SaveAsync(harness, summer, Troops(claim));
        await SaveAsync(harness, winter, Troops(claim) with { Window = january, ResolveBy = january.To });

        var open = await harness.Developments.ListOpenAsync(Today, null, 10, Ct);
        Assert.Equal(2, open.Count);
        var summerGroup = Assert.Single(open, d => d.ArticleIds.Contains(summer));
        Assert.Equal([undated, summer], summerGroup.ArticleIds);
        Assert.Equal(new DateOnly(2026, 8, 31), summerGroup.Development.ResolveBy);
        Assert.Equal(new DateOnly(2026, 7, 1), summerGroup.Development.Window?.From);
        Assert.Equal([winter], Assert.Single(open, d => d.Id != summerGroup.Id).ArticleIds);
    }

    [Fact]
    public async Task DevelopmentsSaveAsync_ArticleAnalysedAgain_KeepsTheDevelopmentId()
    {
        await using var harness = await OpenAsync();
        var article = await AddArticleAsync(harness, 4, null);
        await SaveAsync(harness, article, Troops("North Korea may send more troops to Russia this summer"));
        var before = Assert.Single(await harness.Developments.ListOpenAsync(Today, null, 10, Ct));

        await SaveAsync(harness, article, Troops("North Korea may send more troops to Russia this summer"));

        var after = Assert.Single(await harness.Developments.ListOpenAsync(Today, null, 10, Ct));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal([article], after.ArticleIds);
    }

    [Fact]
    public async Task DevelopmentsListOpenAsync_PastResolveByAndSearch_FilteredNewestFirst()
    {
        await using var harness = await OpenAsync();
        var older = await AddArticleAsync(harness, 5, new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero));
        var newer = await AddArticleAsync(harness, 6, new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero));
        await SaveAsync(harness, older, Troops("North Korea may send more troops to Russia this summer"));
        await SaveAsync(
            harness,
            newer,
            Troops("Ukraine could strike 100% of the depots near Kursk") with { Actors = [Ukraine, Russia] },
            Troops("Russia may annex the border region") with { Window = null, ResolveBy = new DateOnly(2026, 2, 28) });

        var open = await harness.Developments.ListOpenAsync(Today, null, 10, Ct);
        Assert.Equal(
            ["Ukraine could strike 100% of the depots near Kursk", "North Korea may send more troops to Russia this summer"],
            open.Select(d => d.Development.Claim));
        Assert.Equal(["North Korea may send more troops to Russia this summer"], (await harness.Developments.ListOpenAsync(Today, "TROOPS", 10, Ct)).Select(d => d.Development.Claim));
        Assert.Equal(["Ukraine could strike 100% of the depots near Kursk"], (await harness.Developments.ListOpenAsync(Today, "100%", 10, Ct)).Select(d => d.Development.Claim));
        Assert.Empty(await harness.Developments.ListOpenAsync(Today, "10_%", 10, Ct));
        Assert.Single(await harness.Developments.ListOpenAsync(Today, null, 1, Ct));
    }

    [Fact]
    public async Task DevelopmentsListForArticlesAsync_MostCorroboratedFirst_ListForActorAsync_ByActor()
    {
        await using var harness = await OpenAsync();
        var a = await AddArticleAsync(harness, 7, new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));
        var b = await AddArticleAsync(harness, 8, new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero));
        var unrelated = await AddArticleAsync(harness, 9, null);
        await SaveAsync(harness, a, Troops("Ukraine could strike the depots near Kursk") with { Actors = [Ukraine] });
        await SaveAsync(harness, a, Troops("Ukraine could strike the depots near Kursk") with { Actors = [Ukraine] }, Troops("North Korea may send more troops to Russia this summer"));
        await SaveAsync(harness, b, Troops("North Korea may send more troops to Russia this summer"));
        await SaveAsync(harness, unrelated, Troops("Russia may annex the border region") with { Actors = [Russia] });

        var forArticles = await harness.Developments.ListForArticlesAsync([a, b], Ct);
        Assert.Equal(["North Korea may send more troops to Russia this summer", "Ukraine could strike the depots near Kursk"], forArticles.Select(d => d.Development.Claim));
        Assert.Empty(await harness.Developments.ListForArticlesAsync([], Ct));
        Assert.Equal(["Ukraine could strike the depots near Kursk"], (await harness.Developments.ListForActorAsync("ukraine", 10, Ct)).Select(d => d.Development.Claim));
        Assert.Equal(2, (await harness.Developments.ListForActorAsync("russia", 10, Ct)).Count);
        Assert.Null(await harness.Developments.GetAsync(987654, Ct));
    }

    private static async Task<long> AddArticleAsync(StorageHarness harness, int seed, DateTimeOffset? published) =>
        (await harness.Articles.AddAsync(TestArticles.Create("Development " + seed, TestArticles.LongText(300 + seed), published: published), Ct)).ArticleId;

    private static Task SaveAsync(StorageHarness harness, long articleId, params ReportedDevelopment[] developments) =>
        harness.Analysis.SaveAsync(articleId, new DevelopmentAnalysis([], [], developments), Ct);

    private static ReportedDevelopment Troops(string claim) =>
        new(0, claim.Length, claim, [NorthKorea, Russia], ["may"], 0.5, [],
            new TimeWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)), "Will it happen by 31 August 2026?", new DateOnly(2026, 8, 31));
}
