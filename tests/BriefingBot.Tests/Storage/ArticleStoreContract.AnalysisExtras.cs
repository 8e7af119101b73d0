using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Storage;

/// <summary>Hedges, discovered candidate actors and re-analysis, on every provider.</summary>
public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task AnalysisGetAnalysisAsync_Saved_ReadsBackHedgesMentionsAndDevelopments()
    {
        await using var harness = await OpenAsync();
        var article = await harness.Articles.AddAsync(TestArticles.Create("Hedged", TestArticles.LongText(120)), Ct);
        var other = await harness.Articles.AddAsync(TestArticles.Create("Plain", TestArticles.LongText(121)), Ct);
        var analysis = Sample() with { Hedges = [Hedge(0, 96, "may", 0.5), Hedge(97, 40, "reportedly", 0.4)] };

        await harness.Analysis.SaveAsync(article.ArticleId, analysis, Ct);
        var stored = await harness.Analysis.GetAnalysisAsync(article.ArticleId, Ct);

        Assert.NotNull(stored);
        Assert.Equal(Json(analysis.Hedges), Json(stored.Hedges));
        Assert.Equal(Json(analysis.Hedges), Json(await harness.Analysis.GetHedgesAsync(article.ArticleId, Ct)));
        Assert.Equal(Json(analysis.Mentions), Json(stored.Mentions));
        Assert.Equal(Json(analysis.Developments), Json(stored.Developments));
        Assert.Null(await harness.Analysis.GetAnalysisAsync(other.ArticleId, Ct));
        Assert.Empty(await harness.Analysis.GetHedgesAsync(other.ArticleId, Ct));
    }

    [Fact]
    public async Task AnalysisGetAnalysisAsync_AnalysedWithNothingFound_ReturnsEmptyAnalysisNotNull()
    {
        await using var harness = await OpenAsync();
        var article = await harness.Articles.AddAsync(TestArticles.Create("Quiet", TestArticles.LongText(122)), Ct);

        await harness.Analysis.SaveAsync(article.ArticleId, new DevelopmentAnalysis([], [], []), Ct);

        var stored = await harness.Analysis.GetAnalysisAsync(article.ArticleId, Ct);
        Assert.NotNull(stored);
        Assert.Empty(stored.Hedges);
        Assert.Empty(stored.Mentions);
    }

    [Fact]
    public async Task AnalysisFindCandidatesAsync_SeveralArticles_SumsMentionsAndArticlesIgnoringCase()
    {
        await using var harness = await OpenAsync();
        var first = await harness.Articles.AddAsync(TestArticles.Create("One", TestArticles.LongText(123)), Ct);
        var second = await harness.Articles.AddAsync(TestArticles.Create("Two", TestArticles.LongText(124)), Ct);
        await harness.Analysis.SaveAsync(first.ArticleId, Candidates(("Vostok Brigade", ActorKind.ArmedGroup, 2), ("Aldo Varenne", ActorKind.Person, 1)), Ct);
        await harness.Analysis.SaveAsync(second.ArticleId, Candidates(("Vostok  brigade", ActorKind.ArmedGroup, 1), ("Vostok", ActorKind.Organisation, 4)), Ct);

        var found = await harness.Analysis.FindCandidatesAsync("VOSTOK brigade", 10, Ct);
        var all = await harness.Analysis.FindCandidatesAsync("vostok", 10, Ct);

        var brigade = Assert.Single(found);
        Assert.Equal((ActorKind.ArmedGroup, 3, 2), (brigade.Kind, brigade.Mentions, brigade.Articles));
        Assert.StartsWith("Vostok", brigade.Name, StringComparison.Ordinal);
        Assert.Equal([("vostok", ActorKind.Organisation, 4, 1), ("vostok brigade", ActorKind.ArmedGroup, 3, 2)],
            all.Select(c => (c.Name.ToLowerInvariant(), c.Kind, c.Mentions, c.Articles)));
        Assert.Single(await harness.Analysis.FindCandidatesAsync("vostok", 1, Ct));
        Assert.DoesNotContain(all, c => c.Name == "Aldo Varenne");
    }

    [Fact]
    public async Task AnalysisFindCandidatesAsync_ArticleAnalysedAgain_CountsOnlyTheNewAnalysis()
    {
        await using var harness = await OpenAsync();
        var article = await harness.Articles.AddAsync(TestArticles.Create("One", TestArticles.LongText(125)), Ct);
        await harness.Analysis.SaveAsync(article.ArticleId, Candidates(("Aldo Varenne", ActorKind.Person, 5)), Ct);

        await harness.Analysis.SaveAsync(article.ArticleId, Candidates(("Aldo Varenne", ActorKind.Person, 2)), Ct);

        Assert.Equal(2, Assert.Single(await harness.Analysis.FindCandidatesAsync("varenne", 10, Ct)).Mentions);
    }

    [Fact]
    public async Task AnalysisFindCandidatesAsync_WildcardCharacters_MatchLiterally()
    {
        await using var harness = await OpenAsync();
        var article = await harness.Articles.AddAsync(TestArticles.Create("One", TestArticles.LongText(126)), Ct);
        await harness.Analysis.SaveAsync(article.ArticleId, Candidates(("Aldo Varenne", ActorKind.Person, 1), ("Front_100%", ActorKind.ArmedGroup, 1)), Ct);

        Assert.Equal("Front_100%", Assert.Single(await harness.Analysis.FindCandidatesAsync("%", 10, Ct)).Name);
        Assert.Empty(await harness.Analysis.FindCandidatesAsync("Aldo_Varenne", 10, Ct));
        Assert.Equal("Front_100%", Assert.Single(await harness.Analysis.FindCandidatesAsync("_100%", 10, Ct)).Name);
    }

    [Fact]
    public async Task AnalysisMarkAllUnanalyzedAsync_AnalysedArticles_ListsThemAgainAndKeepsRowsUntilReplaced()
    {
        await using var harness = await OpenAsync();
        var first = await harness.Articles.AddAsync(TestArticles.Create("One", TestArticles.LongText(127)), Ct);
        var second = await harness.Articles.AddAsync(TestArticles.Create("Two", TestArticles.LongText(128)), Ct);
        await harness.Analysis.SaveAsync(first.ArticleId, Sample(), Ct);
        await harness.Analysis.SaveAsync(second.ArticleId, Sample(), Ct);

        var marked = await harness.Analysis.MarkAllUnanalyzedAsync(Ct);

        Assert.Equal(2, marked);
        Assert.Equal([second.ArticleId, first.ArticleId], await harness.Analysis.ListUnanalyzedAsync(10, Ct));
        Assert.Null(await harness.Analysis.GetAnalysisAsync(first.ArticleId, Ct));
        Assert.Equal(3, (await harness.Analysis.GetMentionsAsync(first.ArticleId, Ct)).Count);
    }

    private static Hedge Hedge(int start, int length, string cue, double probability) =>
        new(start, length, [new HedgeCue(cue, start + 5, cue.Length, HedgeKind.Modal, probability), new HedgeCue("according to", start + 20, 12, HedgeKind.Attribution, 1.0)], probability);

    private static DevelopmentAnalysis Candidates(params (string Name, ActorKind Kind, int Count)[] names)
    {
        var mentions = names.SelectMany(n => Enumerable.Range(0, n.Count).Select(i => new ActorMention(i * 20, n.Name.Length, n.Name, null, n.Kind, 0.4, "rule")));
        return new DevelopmentAnalysis([], [.. mentions, new ActorMention(500, 6, "Russia", Russia, ActorKind.State, 1.0, "name")], []);
    }
}
