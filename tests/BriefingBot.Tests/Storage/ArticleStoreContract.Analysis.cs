using System.Data.Common;
using System.Text.Json;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Storage;

public abstract partial class ArticleStoreContract
{
    private static readonly Actor NorthKorea = new("north-korea", "North Korea", ActorKind.State);
    private static readonly Actor Russia = new("russia", "Russia", ActorKind.State);

    [Fact]
    public async Task AnalysisSaveAsync_NewAnalysis_ReadsBackEveryFieldForThatArticleOnly()
    {
        await using var harness = await OpenAsync();
        var first = await harness.Articles.AddAsync(TestArticles.Create("First", TestArticles.LongText(80)), Ct);
        var second = await harness.Articles.AddAsync(TestArticles.Create("Second", TestArticles.LongText(81)), Ct);
        var analysis = Sample();

        await harness.Analysis.SaveAsync(first.ArticleId, analysis, Ct);

        Assert.Equal(Json(analysis.Mentions), Json(await harness.Analysis.GetMentionsAsync(first.ArticleId, Ct)));
        Assert.Equal(Json(analysis.Developments), Json(await harness.Analysis.GetDevelopmentsAsync(first.ArticleId, Ct)));
        Assert.Empty(await harness.Analysis.GetMentionsAsync(second.ArticleId, Ct));
        Assert.Empty(await harness.Analysis.GetDevelopmentsAsync(second.ArticleId, Ct));
    }

    [Fact]
    public async Task AnalysisSaveAsync_AnalysedAgain_ReplacesEarlierAnalysis()
    {
        await using var harness = await OpenAsync();
        var article = await harness.Articles.AddAsync(TestArticles.Create("Again", TestArticles.LongText(82)), Ct);
        await harness.Analysis.SaveAsync(article.ArticleId, Sample(), Ct);
        var mention = new ActorMention(3, 6, "Moscow", Russia, ActorKind.State, 0.8, "alias");

        await harness.Analysis.SaveAsync(article.ArticleId, new DevelopmentAnalysis([], [mention], []), Ct);

        Assert.Equal(Json(new[] { mention }), Json(await harness.Analysis.GetMentionsAsync(article.ArticleId, Ct)));
        Assert.Empty(await harness.Analysis.GetDevelopmentsAsync(article.ArticleId, Ct));
        Assert.Empty(await harness.Analysis.ListUnanalyzedAsync(10, Ct));
    }

    [Fact]
    public async Task AnalysisListUnanalyzedAsync_SomeAnalysed_ReturnsTheOthersNewestFirstUpToLimit()
    {
        await using var harness = await OpenAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await harness.Articles.AddAsync(TestArticles.Create("Article " + i, TestArticles.LongText(90 + i)), Ct)).ArticleId);
        }

        await harness.Analysis.SaveAsync(ids[2], new DevelopmentAnalysis([], [], []), Ct);

        Assert.Equal([ids[3], ids[1], ids[0]], await harness.Analysis.ListUnanalyzedAsync(10, Ct));
        Assert.Equal([ids[3], ids[1]], await harness.Analysis.ListUnanalyzedAsync(2, Ct));
    }

    [Fact]
    public async Task AnalysisSaveAsync_UnknownArticle_ThrowsAndStoresNothing()
    {
        await using var harness = await OpenAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => harness.Analysis.SaveAsync(4242, Sample(), Ct));

        Assert.Empty(await harness.Analysis.GetMentionsAsync(4242, Ct));
        Assert.Empty(await harness.Analysis.GetDevelopmentsAsync(4242, Ct));
    }

    private static DevelopmentAnalysis Sample()
    {
        var attribution = new AttributionLink(AttributionKind.Citing, "unnamed intelligence sources", "citing unnamed intelligence sources", 60, 35);
        return new DevelopmentAnalysis(
            [],
            [
                new ActorMention(0, 9, "Pyongyang", NorthKorea, ActorKind.State, 0.95, "alias"),
                new ActorMention(40, 6, "Russia", Russia, ActorKind.State, 1.0, "name"),
                new ActorMention(100, 14, "Vostok Brigade", null, ActorKind.ArmedGroup, 0.4, "rule"),
            ],
            [
                new ReportedDevelopment(
                    0, 96, "North Korea may send troops to Russia", [NorthKorea, Russia], ["is considering", "reportedly"], 0.35,
                    [attribution], new TimeWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)),
                    "Will North Korea send troops to Russia by 31 August 2026?", new DateOnly(2026, 8, 31)),
                new ReportedDevelopment(
                    0, 96, "North Korea may deploy artillery units to Kursk", [NorthKorea], ["possible"], 0.5, [], null,
                    "Will North Korea deploy artillery units to Kursk by 1 September 2026?", new DateOnly(2026, 9, 1)),
            ]);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
