using BriefingBot.Articles;
using static BriefingBot.Tests.Articles.Stories.StoryReports;

namespace BriefingBot.Tests.Storage;

/// <summary>Stories as events: each rule of the online grouping, on every provider, over a store holding the samples.</summary>
public abstract partial class ArticleStoreContract
{
    private static readonly DateTimeOffset Landfall = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddAsync_ThreeOutletsWordOneEventDifferently_JoinOneStory()
    {
        await using var harness = await OpenWithSamplesAsync();

        var reuters = await harness.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);
        var ap = await harness.Articles.AddAsync(Create(CycloneAp, Landfall.AddHours(2)), Ct);
        var bbc = await harness.Articles.AddAsync(Create(CycloneBbc, Landfall.AddHours(5)), Ct);

        Assert.Equal([AddOutcome.Added, AddOutcome.AddedToStory, AddOutcome.AddedToStory], [reuters.Outcome, ap.Outcome, bbc.Outcome]);
        Assert.Equal([reuters.StoryId, reuters.StoryId], [ap.StoryId, bbc.StoryId]);
        Assert.Equal(["Reuters", "Associated Press", "BBC"], (await harness.Articles.ListStoryAsync(reuters.StoryId, Ct)).Select(a => a.Source));
    }

    [Fact]
    public async Task AddAsync_OtherEventAboutSameActorsSameDay_StartsItsOwnStory()
    {
        await using var harness = await OpenWithSamplesAsync();
        var troops = (await harness.Articles.ListAsync(100, 0, Ct)).Single(a => a.Title.StartsWith("North Korea may send more troops", StringComparison.Ordinal));

        var enrichment = await harness.Articles.AddAsync(Create(NorthKoreaEnrichment, troops.PublishedAt!.Value.AddHours(4)), Ct);

        // It may join the sample IAEA report on Yongbyon (the same event), never the troops story.
        Assert.NotEqual(troops.StoryId, enrichment.StoryId);
        Assert.DoesNotContain(await harness.Articles.ListStoryAsync(enrichment.StoryId, Ct), a => a.Title.Contains("troops", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, (await harness.Articles.ListStoryAsync(troops.StoryId, Ct)).Count);
    }

    [Fact]
    public async Task AddAsync_ReportAtWindowEdge_JoinsWithinWindowStartsBeyondIt()
    {
        await using var harness = await OpenWithSamplesAsync();
        var first = await harness.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);

        // Seven days after the story's last article is inside the window; eight days after is not.
        var inside = await harness.Articles.AddAsync(Create(CycloneAp, Landfall.AddDays(7)), Ct);
        var beyond = await harness.Articles.AddAsync(Create(CycloneBbc, Landfall.AddDays(15)), Ct);

        Assert.Equal((AddOutcome.AddedToStory, first.StoryId), (inside.Outcome, inside.StoryId));
        Assert.Equal(AddOutcome.Added, beyond.Outcome);
        Assert.NotEqual(first.StoryId, beyond.StoryId);
    }

    [Fact]
    public async Task AddAsync_ReportBridgingTwoStoriesOfOneEvent_MergesThemIntoTheOlderId()
    {
        await using var harness = await OpenWithSamplesAsync();
        var older = await harness.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);

        // The same event retold twelve days on: beyond the window, so it starts a story of its own.
        var retold = CycloneReuters with { Title = "Mozambique cyclone: " + CycloneReuters.Title, Text = Mangled(CycloneReuters.Text) };
        var later = await harness.Articles.AddAsync(Create(retold, Landfall.AddDays(12)), Ct);
        Assert.Equal(AddOutcome.Added, later.Outcome);

        // A report in between is within the window of both: it joins one and the two turn out to be one story.
        var between = await harness.Articles.AddAsync(Create(CycloneAp, Landfall.AddDays(6)), Ct);

        Assert.Equal(older.StoryId, between.StoryId);
        Assert.Equal(older.StoryId, (await harness.Articles.GetAsync(later.ArticleId, Ct))!.StoryId);
        var merged = await harness.Articles.ListStoryAsync(later.StoryId, Ct);
        Assert.Equal([older.ArticleId, later.ArticleId, between.ArticleId], merged.Select(a => a.Id));
        Assert.All(merged, a => Assert.Equal(older.StoryId, a.StoryId));
    }

    /// <summary>A store with the ten sample articles, as a new user's store starts (document frequencies need some articles).</summary>
    private async Task<StorageHarness> OpenWithSamplesAsync()
    {
        var harness = await OpenAsync();
        await harness.Articles.AddManyAsync(await SamplesAsync(Ct), Ct);
        return harness;
    }
}
