using BriefingBot.Storage.Sqlite;

namespace BriefingBot.Tests.Storage;

/// <summary>The contract against a real SQLite file; each test gets its own file.</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    protected override Task<StorageHarness> OpenAsync() =>
        StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "nested", "bot.db") }, Ct);

    [Fact]
    public async Task SearchAsync_MoreMatchesThanRankWindow_RanksWithinNewestMatches()
    {
        await using var harness = await OpenAsync();
        var oldTitleMatch = await harness.Articles.AddAsync(TestArticles.Create("Monsoon floods", "Rain fell for days."), Ct);
        await harness.Articles.AddManyAsync(
            [.. Enumerable.Range(0, SqliteArticleSearch.RankWindow(1) + 20).Select(i => TestArticles.Create($"Report {i}", $"The monsoon season, day {i}."))], Ct);
        var newTitleMatch = await harness.Articles.AddAsync(TestArticles.Create("Monsoon arrives early", "Farmers welcomed rain."), Ct);

        var hits = await harness.Articles.SearchAsync("monsoon", 8, Ct);

        Assert.Equal(8, hits.Count);
        Assert.Equal(newTitleMatch.ArticleId, hits[0].Id);
        Assert.DoesNotContain(oldTitleMatch.ArticleId, hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.True(h.Id > newTitleMatch.ArticleId - SqliteArticleSearch.RankWindow(1)));
    }
}
