using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Digests;

namespace BriefingBot.Tests.Storage;

public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task DigestListStoriesStoredSince_NewSourceOfOldStory_ReturnsWholeStoryWithNewFlags()
    {
        await using var harness = await OpenAsync();
        var old = await harness.Articles.AddAsync(TestArticles.Create("Old wire", TestArticles.LongText(300)), Ct);
        var untouched = await harness.Articles.AddAsync(TestArticles.Create("Untouched", TestArticles.LongText(301)), Ct);
        var since = harness.Time.GetUtcNow();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var rewrite = await harness.Articles.AddAsync(
            TestArticles.Create("Old wire, retold", TestArticles.Edit(TestArticles.LongText(300), 5, 50, 150)) with { Source = "Other Wire" }, Ct);
        var fresh = await harness.Articles.AddAsync(TestArticles.Create("Fresh", TestArticles.LongText(302)), Ct);

        var rows = await harness.Digests.ListStoriesStoredSinceAsync(since, null, Ct);

        Assert.Equal(old.StoryId, rewrite.StoryId);
        Assert.Equal(
            [(old.ArticleId, old.StoryId, false), (rewrite.ArticleId, old.StoryId, true), (fresh.ArticleId, fresh.StoryId, true)],
            rows.Select(r => (r.Id, r.StoryId, r.IsNew)).OrderBy(r => r.StoryId).ThenBy(r => r.Id));
        Assert.DoesNotContain(rows, r => r.StoryId == untouched.StoryId);
        var stored = Assert.Single(rows, r => r.Id == rewrite.ArticleId);
        Assert.Equal(("Other Wire", since.AddMinutes(5)), (stored.Source, stored.StoredAt));
    }

    [Fact]
    public async Task DigestListStoriesStoredSince_Keyword_KeepsStoriesWithItInTitleOrTextCaseInsensitive()
    {
        await using var harness = await OpenAsync();
        var since = harness.Time.GetUtcNow().AddSeconds(-1);
        var inTitle = await harness.Articles.AddAsync(TestArticles.Create("Pipeline 100% shut", TestArticles.LongText(310)), Ct);
        var inText = await harness.Articles.AddAsync(TestArticles.Create("Other", TestArticles.LongText(311) + " the PIPELINE 100% idle"), Ct);
        await harness.Articles.AddAsync(TestArticles.Create("Nothing", "plain words only " + TestArticles.LongText(312).Replace("pipeline", "road", StringComparison.Ordinal)), Ct);
        await harness.Articles.AddAsync(TestArticles.Create("Percent", "a 1000 rise " + TestArticles.LongText(313).Replace("pipeline", "road", StringComparison.Ordinal)), Ct);

        var rows = await harness.Digests.ListStoriesStoredSinceAsync(since, "pipeline 100%", Ct);
        var wildcard = await harness.Digests.ListStoriesStoredSinceAsync(since, "1_0%", Ct);

        Assert.Equal([inTitle.ArticleId, inText.ArticleId], rows.Select(r => r.Id).Order());
        Assert.Empty(wildcard);
    }

    [Fact]
    public async Task DigestCountActorMentions_AnalysedArticles_CountsResolvedMentionsPerArticleAndActor()
    {
        await using var harness = await OpenAsync();
        var first = await harness.Articles.AddAsync(TestArticles.Create("First", TestArticles.LongText(320)), Ct);
        var second = await harness.Articles.AddAsync(TestArticles.Create("Second", TestArticles.LongText(321)), Ct);
        var other = await harness.Articles.AddAsync(TestArticles.Create("Other", TestArticles.LongText(322)), Ct);
        await harness.Analysis.SaveAsync(first.ArticleId, Mentions(NorthKorea, NorthKorea, Russia, null), Ct);
        await harness.Analysis.SaveAsync(second.ArticleId, Mentions(Russia), Ct);
        await harness.Analysis.SaveAsync(other.ArticleId, Mentions(Russia), Ct);

        var counts = await harness.Digests.CountActorMentionsAsync([first.ArticleId, second.ArticleId], Ct);

        Assert.Equal(
            [(first.ArticleId, "north-korea", "North Korea", 2), (first.ArticleId, "russia", "Russia", 1), (second.ArticleId, "russia", "Russia", 1)],
            counts.Select(c => (c.ArticleId, c.ActorId, c.ActorName, c.Mentions)).OrderBy(c => c.ArticleId).ThenBy(c => c.ActorId, StringComparer.Ordinal));
        Assert.Empty(await harness.Digests.CountActorMentionsAsync([], Ct));
    }

    private static DevelopmentAnalysis Mentions(params Actor?[] actors) =>
        new([], [.. actors.Select((a, i) => new ActorMention(i * 10, 5, a?.Name ?? "Someone", a, ActorKind.State, 0.9, "name"))], []);
}
