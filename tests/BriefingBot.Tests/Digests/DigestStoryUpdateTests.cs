using BriefingBot.Digests;
using static BriefingBot.Tests.Articles.Stories.StoryReports;

namespace BriefingBot.Tests.Digests;

/// <summary>A story already sent to a channel comes back as an update when it gains sources, never as a new item.</summary>
public sealed class DigestStoryUpdateTests
{
    private static readonly DateTimeOffset Landfall = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComposeAsync_SentStoryGainsTwoSources_ShowsOneUpdateNamingTheNewSources()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        await digest.Storage.Articles.AddManyAsync(await SamplesAsync(Ct), Ct);
        var first = await digest.Storage.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);
        var sent = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);
        Assert.Contains(first.StoryId, sent.StoryIds);
        var sentAt = digest.Storage.Time.GetUtcNow();
        digest.Storage.Time.Advance(TimeSpan.FromHours(1));
        await digest.Storage.Articles.AddAsync(Create(CycloneAp, Landfall.AddHours(2)), Ct);
        await digest.Storage.Articles.AddAsync(Create(CycloneBbc, Landfall.AddHours(3)), Ct);

        var next = await digest.Composer.ComposeAsync(Request(sentAt, [.. sent.StoryIds]), Ct);

        Assert.Equal([first.StoryId], next.StoryIds);
        var item = Assert.Single(next.Messages.SelectMany(m => m.Sections));
        Assert.StartsWith("1. Update: ", item.Title, StringComparison.Ordinal);
        Assert.Contains("Update, 2 new sources: Associated Press, BBC.", item.Body, StringComparison.Ordinal);
        Assert.Contains("3 sources: Reuters, Associated Press, BBC", item.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_SentStoryGainsArticleFromKnownSource_StaysOut()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        await digest.Storage.Articles.AddManyAsync(await SamplesAsync(Ct), Ct);
        var first = await digest.Storage.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);
        var sent = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);
        var sentAt = digest.Storage.Time.GetUtcNow();
        digest.Storage.Time.Advance(TimeSpan.FromHours(1));
        var again = await digest.Storage.Articles.AddAsync(Create(CycloneBbc with { Source = "Reuters" }, Landfall.AddHours(3)), Ct);
        Assert.Equal(first.StoryId, again.StoryId);

        var next = await digest.Composer.ComposeAsync(Request(sentAt, [.. sent.StoryIds]), Ct);

        Assert.True(next.IsEmpty);
    }

    [Fact]
    public async Task ComposeAsync_NewStoryFromThreeOutlets_IsOneItemNamingItsSources()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var since = digest.Storage.Time.GetUtcNow();
        digest.Storage.Time.Advance(TimeSpan.FromMinutes(1));
        await digest.Storage.Articles.AddManyAsync(await SamplesAsync(Ct), Ct);
        var first = await digest.Storage.Articles.AddAsync(Create(CycloneReuters, Landfall), Ct);
        await digest.Storage.Articles.AddAsync(Create(CycloneAp, Landfall.AddHours(2)), Ct);
        await digest.Storage.Articles.AddAsync(Create(CycloneBbc, Landfall.AddHours(3)), Ct);

        var content = await digest.Composer.ComposeAsync(Request(since, []), Ct);

        var cyclone = content.Messages.SelectMany(m => m.Sections).Where(s => s.Title.Contains("Cyclone Mara", StringComparison.Ordinal)).ToList();
        var item = Assert.Single(cyclone);
        Assert.Contains("3 sources: Reuters, Associated Press, BBC", item.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Update", item.Title, StringComparison.Ordinal);
        Assert.Contains(first.StoryId, content.StoryIds);
    }

    private static DigestRequest Request(DateTimeOffset since, HashSet<long> sent) =>
        new("discord", "C1", since, sent, null, 10, "Europe/London", since.AddHours(12));
}
