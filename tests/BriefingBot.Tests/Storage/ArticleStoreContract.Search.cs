using BriefingBot.Articles;
using BriefingBot.Storage;

namespace BriefingBot.Tests.Storage;

public abstract partial class ArticleStoreContract
{
    public static TheoryData<string> HostileQueries =>
    [
        "", "   ", "\"", "\"unbalanced", "*", "troops*", "a:b", "title:troops", "-troops", "^troops", "(troops", "troops)",
        "AND", "troops AND", "OR OR", "NOT troops", "NEAR(troops border)", "troops + - * / \\ ' ;", "'; DROP TABLE articles; --",
        "\u0000troops", "naïve café", "Пхеньян", "北朝鮮", "🙂🔥", "e\u0301", new string('x', 500), string.Join(' ', Enumerable.Repeat("troops", 100)),
    ];

    [Fact]
    public async Task SearchAsync_TitleMatch_RanksAboveBodyMatch()
    {
        await using var harness = await OpenAsync();
        var body = await harness.Articles.AddAsync(
            TestArticles.Create("Regional roundup", TestArticles.LongText(40, 200) + " the glacier retreated " + TestArticles.LongText(41, 200)), Ct);
        var title = await harness.Articles.AddAsync(
            TestArticles.Create("Glacier retreat alarms scientists", TestArticles.LongText(42, 400)), Ct);

        var hits = await harness.Articles.SearchAsync("glacier", 10, Ct);

        Assert.Equal([title.ArticleId, body.ArticleId], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SearchAsync_BaseFormOfInflectedWord_FindsIt()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(
            TestArticles.Create("Peacekeepers", "The mission deployed two battalions to the northern districts last week."), Ct);
        await harness.Articles.AddAsync(TestArticles.Create("Unrelated", TestArticles.LongText(43)), Ct);

        var hits = await harness.Articles.SearchAsync("deploy", 10, Ct);

        Assert.Equal([added.ArticleId], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task SearchAsync_MatchInText_SnippetMarksMatchWithAsterisks()
    {
        await using var harness = await OpenAsync();
        await harness.Articles.AddAsync(
            TestArticles.Create("Roundup", TestArticles.LongText(44, 150) + " an avalanche closed the pass " + TestArticles.LongText(45, 150)), Ct);

        var hit = Assert.Single(await harness.Articles.SearchAsync("avalanche", 10, Ct));

        Assert.Contains("**avalanche**", hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.InRange(hit.Snippet.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 5, 30);
        Assert.Equal("Roundup", hit.Title);
    }

    [Fact]
    public async Task SearchAsync_SeveralWords_RequiresAllOfThem()
    {
        await using var harness = await OpenAsync();
        var both = await harness.Articles.AddAsync(TestArticles.Create("Both", "The volcano erupted near the lighthouse."), Ct);
        await harness.Articles.AddAsync(TestArticles.Create("One", "The volcano erupted in the night."), Ct);

        var hits = await harness.Articles.SearchAsync("volcano lighthouse", 10, Ct);

        Assert.Equal([both.ArticleId], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task SearchAsync_StopWordsAroundWord_IgnoresThem()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Levee", "Engineers inspected a levee."), Ct);

        var withStopWords = await harness.Articles.SearchAsync("the levee of it", 5, Ct);
        var onlyStopWords = await harness.Articles.SearchAsync("the of it", 5, Ct);

        Assert.Equal([added.ArticleId], withStopWords.Select(h => h.Id));
        Assert.Empty(onlyStopWords);
    }

    [Fact]
    public async Task SearchAsync_Limit_CapsHits()
    {
        await using var harness = await OpenAsync();
        await harness.Articles.AddManyAsync(
            [.. Enumerable.Range(0, 5).Select(i => TestArticles.Create($"Tsunami warning {i}", TestArticles.LongText(50 + i)))], Ct);

        Assert.Equal(2, (await harness.Articles.SearchAsync("tsunami", 2, Ct)).Count);
        Assert.Empty(await harness.Articles.SearchAsync("tsunami", 0, Ct));
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanRankWindow_RanksWithinNewestMatches()
    {
        await using var harness = await OpenAsync();
        var oldTitleMatch = await harness.Articles.AddAsync(TestArticles.Create("Monsoon floods", "Rain fell for days."), Ct);
        await harness.Articles.AddManyAsync(
            [.. Enumerable.Range(0, SearchTerms.RankWindow(1) + 20).Select(i => TestArticles.Create($"Report {i}", $"The monsoon season, day {i}."))], Ct);
        var newTitleMatch = await harness.Articles.AddAsync(TestArticles.Create("Monsoon arrives early", "Farmers welcomed rain."), Ct);

        var hits = await harness.Articles.SearchAsync("monsoon", 8, Ct);

        Assert.Equal(8, hits.Count);
        Assert.Equal(newTitleMatch.ArticleId, hits[0].Id);
        Assert.DoesNotContain(oldTitleMatch.ArticleId, hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.True(h.Id > newTitleMatch.ArticleId - SearchTerms.RankWindow(1)));
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task SearchAsync_HostileQuery_ReturnsWithoutThrowing(string query)
    {
        await using var harness = await OpenAsync();
        await harness.Articles.AddAsync(TestArticles.Create("Troops at the border", "Troops massed at the border near the café. " + TestArticles.LongText(60)), Ct);

        var hits = await harness.Articles.SearchAsync(query, 5, Ct);

        Assert.InRange(hits.Count, 0, 1);
    }

    [Theory]
    [InlineData("\"troops\"")]
    [InlineData("troops*")]
    [InlineData("-troops")]
    [InlineData("(border)")]
    [InlineData("troops:^")]
    public async Task SearchAsync_WordWrappedInSyntax_FindsWord(string query)
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops at the border", "Troops massed at the border."), Ct);

        var hits = await harness.Articles.SearchAsync(query, 5, Ct);

        Assert.Equal([added.ArticleId], hits.Select(h => h.Id));
    }
}
