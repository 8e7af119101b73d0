using BriefingBot.Articles;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IArticleStore"/> must do; each provider's test class runs all of it.</summary>
public abstract partial class ArticleStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrated, empty store of the provider under test.</summary>
    protected abstract Task<StorageHarness> OpenAsync();

    [Fact]
    public async Task AddAsync_NewArticle_StoresItAndReadsItBack()
    {
        await using var harness = await OpenAsync();
        var published = new DateTimeOffset(2026, 2, 27, 8, 30, 15, TimeSpan.FromHours(2));
        var article = TestArticles.Create("Port reopens", TestArticles.LongText(1), published: published, author: "A. Writer");

        var result = await harness.Articles.AddAsync(article, Ct);
        var stored = await harness.Articles.GetAsync(result.ArticleId, Ct);

        Assert.Equal(AddOutcome.Added, result.Outcome);
        Assert.NotNull(stored);
        Assert.Equal(result.StoryId, stored.StoryId);
        Assert.Equal(
            (article.Url, article.CanonicalUrl, article.Title, article.Source, article.Author, article.Language, article.Text, article.ContentHash),
            (stored.Url, stored.CanonicalUrl, stored.Title, stored.Source, stored.Author, stored.Language, stored.Text, stored.ContentHash));
        Assert.Equal(published, stored.PublishedAt);
        Assert.Equal(article.FetchedAt, stored.FetchedAt);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        await using var harness = await OpenAsync();

        Assert.Null(await harness.Articles.GetAsync(12345, Ct));
    }

    [Fact]
    public async Task AddAsync_SameCanonicalUrl_ReturnsDuplicateOfFirst()
    {
        await using var harness = await OpenAsync();
        var first = await harness.Articles.AddAsync(TestArticles.Create("One", TestArticles.LongText(1), url: "https://a.example/x"), Ct);

        var second = await harness.Articles.AddAsync(TestArticles.Create("Other", TestArticles.LongText(2), url: "https://a.example/x"), Ct);

        Assert.Equal(new AddResult(AddOutcome.Duplicate, first.ArticleId, first.StoryId), second);
        Assert.Equal(1, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task AddAsync_SameNormalisedText_ReturnsDuplicateOfFirst()
    {
        await using var harness = await OpenAsync();
        var text = TestArticles.LongText(3);
        var first = await harness.Articles.AddAsync(TestArticles.Create("Copy", text), Ct);

        var second = await harness.Articles.AddAsync(TestArticles.Create("Copy elsewhere", "  " + text.ToUpperInvariant() + "!"), Ct);

        Assert.Equal(new AddResult(AddOutcome.Duplicate, first.ArticleId, first.StoryId), second);
        Assert.Equal(1, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task AddAsync_NearDuplicateText_JoinsFirstStory()
    {
        await using var harness = await OpenAsync();
        var original = TestArticles.Create("Wire story", TestArticles.LongText(4));
        var rewrite = TestArticles.Create("Wire story, reworded", TestArticles.Edit(TestArticles.LongText(4), 17, 180, 333));
        Assert.NotEqual(original.ContentHash, rewrite.ContentHash);
        Assert.InRange(ArticleFingerprint.Similarity(original.MinHash, rewrite.MinHash), ArticleFingerprint.NearDuplicateSimilarity, 1.0);

        var first = await harness.Articles.AddAsync(original, Ct);
        var second = await harness.Articles.AddAsync(rewrite, Ct);

        Assert.Equal(AddOutcome.AddedToStory, second.Outcome);
        Assert.Equal(first.StoryId, second.StoryId);
        Assert.NotEqual(first.ArticleId, second.ArticleId);
        var story = await harness.Articles.ListStoryAsync(first.StoryId, Ct);
        Assert.Equal([first.ArticleId, second.ArticleId], story.Select(a => a.Id));
    }

    [Fact]
    public async Task AddAsync_UnrelatedTexts_StartDifferentStories()
    {
        await using var harness = await OpenAsync();
        var a = TestArticles.Create("A", TestArticles.LongText(5));
        var b = TestArticles.Create("B", TestArticles.LongText(6));
        Assert.True(ArticleFingerprint.Similarity(a.MinHash, b.MinHash) < ArticleFingerprint.NearDuplicateSimilarity);

        var first = await harness.Articles.AddAsync(a, Ct);
        var second = await harness.Articles.AddAsync(b, Ct);

        Assert.Equal((AddOutcome.Added, AddOutcome.Added), (first.Outcome, second.Outcome));
        Assert.NotEqual(first.StoryId, second.StoryId);
    }

    [Fact]
    public async Task AddAsync_EightConcurrentCopies_StoresOnce()
    {
        await using var harness = await OpenAsync();
        var article = TestArticles.Create("Race", TestArticles.LongText(7));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => harness.Articles.AddAsync(article, Ct), Ct)));

        Assert.Single(results, r => r.Outcome == AddOutcome.Added);
        Assert.Equal(7, results.Count(r => r.Outcome == AddOutcome.Duplicate));
        Assert.Single(results.Select(r => r.ArticleId).Distinct());
        Assert.Equal(1, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task AddManyAsync_BatchWithDuplicates_StoresEachOnceInInputOrder()
    {
        await using var harness = await OpenAsync();
        var a = TestArticles.Create("A", TestArticles.LongText(8), url: "https://a.example/a");
        var b = TestArticles.Create("B", TestArticles.LongText(9));
        var sameUrlAsA = TestArticles.Create("A again", TestArticles.LongText(10), url: "https://a.example/a");
        var sameTextAsB = TestArticles.Create("B again", TestArticles.LongText(9));
        var nearA = TestArticles.Create("A reworded", TestArticles.Edit(TestArticles.LongText(8), 50));

        var results = await harness.Articles.AddManyAsync([a, b, sameUrlAsA, sameTextAsB, nearA], Ct);

        Assert.Equal(
            [AddOutcome.Added, AddOutcome.Added, AddOutcome.Duplicate, AddOutcome.Duplicate, AddOutcome.AddedToStory],
            results.Select(r => r.Outcome));
        Assert.Equal(results[0].ArticleId, results[2].ArticleId);
        Assert.Equal(results[1].ArticleId, results[3].ArticleId);
        Assert.Equal(results[0].StoryId, results[4].StoryId);
        Assert.Equal(3, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task AddManyAsync_EmptyBatch_ReturnsNoResults()
    {
        await using var harness = await OpenAsync();

        Assert.Empty(await harness.Articles.AddManyAsync([], Ct));
        Assert.Equal(0, await harness.Articles.CountAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_PublishedOrFetchedTimes_NewestFirstAndPaged()
    {
        await using var harness = await OpenAsync();
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var oldest = TestArticles.Create("Oldest", TestArticles.LongText(20), published: day);
        var newestByFetch = TestArticles.Create("Newest, never published", TestArticles.LongText(21), fetched: day.AddDays(3));
        var middle = TestArticles.Create("Middle", TestArticles.LongText(22), published: day.AddDays(2), fetched: day.AddDays(9));
        var second = TestArticles.Create("Second oldest", TestArticles.LongText(23), published: day.AddDays(1));
        await harness.Articles.AddManyAsync([oldest, newestByFetch, middle, second], Ct);

        var firstPage = await harness.Articles.ListAsync(3, 0, Ct);
        var secondPage = await harness.Articles.ListAsync(3, 3, Ct);

        Assert.Equal(["Newest, never published", "Middle", "Second oldest"], firstPage.Select(a => a.Title));
        Assert.Equal(["Oldest"], secondPage.Select(a => a.Title));
        Assert.Null(firstPage[0].PublishedAt);
        Assert.Equal(day.AddDays(3), firstPage[0].FetchedAt);
    }

    [Fact]
    public async Task CountAsync_AfterAddsAndDuplicates_CountsStoredArticles()
    {
        await using var harness = await OpenAsync();
        var article = TestArticles.Create("Counted", TestArticles.LongText(30));
        await harness.Articles.AddManyAsync([article, article, TestArticles.Create("Also", TestArticles.LongText(31))], Ct);

        Assert.Equal(2, await harness.Articles.CountAsync(Ct));
    }
}
