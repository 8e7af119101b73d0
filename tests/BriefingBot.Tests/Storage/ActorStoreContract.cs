using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IActorStore"/> must do; each provider's test class runs all of it.</summary>
public abstract partial class ActorStoreContract
{
    private static readonly Actor NorthKorea = new("kp", "North Korea", ActorKind.State);
    private static readonly Actor Russia = new("ru", "Russia", ActorKind.State);
    private static readonly Actor China = new("cn", "China", ActorKind.State);
    private static readonly DateOnly Today = new(2026, 3, 20);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrated, empty store of the provider under test.</summary>
    protected abstract Task<StorageHarness> OpenAsync();

    [Fact]
    public async Task GetDaysAsync_MentionsOnTwoDays_CountsMentionsAndArticlesPerDay()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, Today, NorthKorea, NorthKorea, Russia);
        await AddAsync(harness, Today, NorthKorea);
        await AddAsync(harness, Today.AddDays(-3), NorthKorea);

        var days = await Store(harness).GetDaysAsync("kp", Today.AddDays(-29), Today, null, Ct);

        Assert.Equal([new ActorDay(Today.AddDays(-3), 1, 1), new ActorDay(Today, 3, 2)], days);
    }

    [Fact]
    public async Task GetDaysAsync_ArticleWithoutPublishedTime_UsesFetchedDay()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, null, Russia);

        var days = await Store(harness).GetDaysAsync("ru", DateOnly.FromDateTime(TestArticles.Fetched.UtcDateTime), DateOnly.FromDateTime(TestArticles.Fetched.UtcDateTime), null, Ct);

        Assert.Equal([new ActorDay(DateOnly.FromDateTime(TestArticles.Fetched.UtcDateTime), 1, 1)], days);
    }

    [Fact]
    public async Task GetCoMentionsAsync_SharedArticles_CountsArticlesNotMentionsMostFirst()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, Today, NorthKorea, Russia, Russia, China);
        await AddAsync(harness, Today, NorthKorea, Russia);
        await AddAsync(harness, Today, Russia, China);

        var store = Store(harness);

        Assert.Equal([new CoMention("ru", 2), new CoMention("cn", 1)], await store.GetCoMentionsAsync("kp", 10, null, Ct));
        Assert.Equal([new CoMention("cn", 2), new CoMention("kp", 2)], await store.GetCoMentionsAsync("ru", 10, null, Ct));
        Assert.Equal([new CoMention("cn", 2)], await store.GetCoMentionsAsync("ru", 1, null, Ct));
    }

    [Fact]
    public async Task SaveAsync_ReanalysedArticle_ReplacesItsCountsAndPairs()
    {
        await using var harness = await OpenAsync();
        var id = await AddAsync(harness, Today, NorthKorea, Russia, Russia);
        await AddAsync(harness, Today, NorthKorea, China);

        await harness.Analysis.SaveAsync(id, Analysis(China, China), Ct);

        var store = Store(harness);
        Assert.Equal([new ActorDay(Today, 1, 1)], await store.GetDaysAsync("kp", Today, Today, null, Ct));
        Assert.Empty(await store.GetDaysAsync("ru", Today, Today, null, Ct));
        Assert.Equal([new ActorDay(Today, 3, 2)], await store.GetDaysAsync("cn", Today, Today, null, Ct));
        Assert.Equal([new CoMention("cn", 1)], await store.GetCoMentionsAsync("kp", 10, null, Ct));
        Assert.Empty(await store.GetCoMentionsAsync("ru", 10, null, Ct));
    }

    [Fact]
    public async Task GetLatestArticlesAsync_SeveralDays_NewestDayFirstUpToLimit()
    {
        await using var harness = await OpenAsync();
        var old = await AddAsync(harness, Today.AddDays(-10), Russia);
        var newest = await AddAsync(harness, Today, Russia);
        var middle = await AddAsync(harness, Today.AddDays(-2), Russia, Russia);
        await AddAsync(harness, Today, China);

        var latest = await Store(harness).GetLatestArticlesAsync("ru", 2, null, Ct);

        Assert.Equal([newest, middle], latest.Select(a => a.Id));
        Assert.Equal([Today, Today.AddDays(-2)], latest.Select(a => a.Day));
        Assert.All(latest, a => Assert.StartsWith("https://news.example/", a.Url, StringComparison.Ordinal));
        Assert.DoesNotContain(old, latest.Select(a => a.Id));
    }

    [Fact]
    public async Task GetTopAsync_TwoPeriods_RanksByCurrentAndReportsPrevious()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, Today, Russia, Russia, NorthKorea);
        await AddAsync(harness, Today.AddDays(-6), Russia);
        await AddAsync(harness, Today.AddDays(-7), NorthKorea, NorthKorea, NorthKorea, China);
        await AddAsync(harness, Today.AddDays(-14), China);

        var top = await Store(harness).GetTopAsync(Today.AddDays(-6), Today, 10, null, Ct);

        Assert.Equal([new ActorPeriod("ru", 3, 0), new ActorPeriod("kp", 1, 3)], top);
    }

    [Fact]
    public async Task AddAliasAsync_UnresolvedMentionsWrittenThatWay_ResolvesThemAndCountsThem()
    {
        await using var harness = await OpenAsync();
        var id = await SaveAsync(harness, Today, Unresolved("Hermit Kingdom"), Mention(Russia), Unresolved("hermit kingdom"), Unresolved("Juche"));
        var store = Store(harness);

        var change = await store.AddAliasAsync(Alias("Hermit Kingdom", "kp"), NorthKorea, Ct);

        Assert.Equal(new AliasChange(true, "kp", 2), change);
        var mentions = await harness.Analysis.GetMentionsAsync(id, Ct);
        Assert.Equal(["kp", "ru", "kp", null], mentions.Select(m => m.Actor?.Id));
        Assert.Equal("alias", mentions[0].Via);
        Assert.Equal(ActorKind.State, mentions[2].Kind);
        Assert.Equal([new ActorDay(Today, 2, 1)], await store.GetDaysAsync("kp", Today, Today, null, Ct));
        Assert.Equal([new CoMention("kp", 1)], await store.GetCoMentionsAsync("ru", 10, null, Ct));
        Assert.Equal([("Hermit Kingdom", "kp", "admin")], (await store.ListAliasesAsync(Ct)).Select(a => (a.Alias, a.ActorId, a.AddedBy)));
    }

    [Fact]
    public async Task AddAliasAsync_TaughtAlready_RefusesAndNamesItsActor()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        await store.AddAliasAsync(Alias("Hermit Kingdom", "kp"), NorthKorea, Ct);

        var again = await store.AddAliasAsync(Alias("HERMIT KINGDOM", "ru"), Russia, Ct);

        Assert.Equal(new AliasChange(false, "kp", 0), again);
        Assert.Single(await store.ListAliasesAsync(Ct));
    }

    [Fact]
    public async Task RemoveAliasAsync_TaughtAlias_RevertsMentionsToWhatTheyWere()
    {
        await using var harness = await OpenAsync();
        var before = new ActorMention(0, 14, "Hermit Kingdom", null, ActorKind.Organisation, 0.6, "rule");
        var id = await SaveAsync(harness, Today, before, Mention(Russia));
        var store = Store(harness);
        await store.AddAliasAsync(Alias("Hermit Kingdom", "kp"), NorthKorea, Ct);

        var change = await store.RemoveAliasAsync("hermit kingdom", Ct);

        Assert.Equal(new AliasChange(true, "kp", 1), change);
        Assert.Equal(before, (await harness.Analysis.GetMentionsAsync(id, Ct))[0]);
        Assert.Empty(await store.GetDaysAsync("kp", Today, Today, null, Ct));
        Assert.Empty(await store.GetCoMentionsAsync("ru", 10, null, Ct));
        Assert.Empty(await store.ListAliasesAsync(Ct));
    }

    [Fact]
    public async Task RemoveAliasAsync_MentionAnalysedWhileTaught_BecomesUnresolved()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        await store.AddAliasAsync(Alias("Hermit Kingdom", "kp"), NorthKorea, Ct);
        var id = await SaveAsync(harness, Today, new ActorMention(0, 14, "Hermit Kingdom", NorthKorea, ActorKind.State, 0.8, "alias"));

        var change = await store.RemoveAliasAsync("Hermit Kingdom", Ct);

        Assert.Equal(new AliasChange(true, "kp", 1), change);
        var mention = Assert.Single(await harness.Analysis.GetMentionsAsync(id, Ct));
        Assert.Null(mention.Actor);
        Assert.Empty(await store.GetDaysAsync("kp", Today, Today, null, Ct));
    }

    [Fact]
    public async Task RemoveAliasAsync_UnknownAlias_ChangesNothing()
    {
        await using var harness = await OpenAsync();

        Assert.Equal(new AliasChange(false, null, 0), await Store(harness).RemoveAliasAsync("nobody", Ct));
    }

    [Fact]
    public async Task GetCardVersionAsync_MentionAddedOrReanalysedAway_GrowsForThatActorOnly()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var empty = await store.GetCardVersionAsync("kp", Ct);

        var id = await AddAsync(harness, Today, NorthKorea, Russia);
        var added = await store.GetCardVersionAsync("kp", Ct);
        var china = await store.GetCardVersionAsync("cn", Ct);
        await harness.Analysis.SaveAsync(id, Analysis(Russia), Ct);
        var removed = await store.GetCardVersionAsync("kp", Ct);

        Assert.True(added > empty);
        Assert.True(removed > added);
        Assert.Equal(china, await store.GetCardVersionAsync("cn", Ct));
    }

    [Fact]
    public async Task GetCardVersionAsync_AliasTaughtAndRemoved_GrowsEachTime()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var before = await store.GetCardVersionAsync("kp", Ct);

        await store.AddAliasAsync(Alias("Hermit Kingdom", "kp"), NorthKorea, Ct);
        var taught = await store.GetCardVersionAsync("kp", Ct);
        await store.RemoveAliasAsync("Hermit Kingdom", Ct);

        Assert.True(taught > before);
        Assert.True(await store.GetCardVersionAsync("kp", Ct) > taught);
    }

    [Fact]
    public async Task Migrate_MentionsStoredBefore_AggregatesThemOnceMore()
    {
        await using var harness = await OpenAsync();
        await AddAsync(harness, Today, NorthKorea, Russia);

        Assert.Equal(0, await harness.Migrator.MigrateAsync(Ct));
        Assert.Equal([new ActorDay(Today, 1, 1)], await Store(harness).GetDaysAsync("kp", Today, Today, null, Ct));
    }

    protected static IActorStore Store(StorageHarness harness) => harness.Services.GetRequiredService<IActorStore>();

    private static TaughtAlias Alias(string alias, string actorId) =>
        new(alias, actorId, "admin", new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    private static ActorMention Mention(Actor actor) => new(0, actor.Name.Length, actor.Name, actor, actor.Kind, 1.0, "name");

    private static ActorMention Unresolved(string surface) => new(0, surface.Length, surface, null, ActorKind.Person, 0.5, "rule");

    private static DevelopmentAnalysis Analysis(params Actor[] actors) => new([], [.. actors.Select(Mention)], []);

    private static Task<long> AddAsync(StorageHarness harness, DateOnly? day, params Actor[] actors) =>
        SaveAsync(harness, day, [.. actors.Select(Mention)]);

    private static Task<long> SaveAsync(StorageHarness harness, DateOnly? day, params ActorMention[] mentions) => SaveAsync(harness, day, null, mentions);

    private static async Task<long> SaveAsync(StorageHarness harness, DateOnly? day, string? tenant, params ActorMention[] mentions)
    {
        var published = day is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var article = await harness.Articles.AddAsync(
            TestArticles.Create("Article " + Guid.NewGuid().ToString("N")[..6], TestArticles.LongText(Random.Shared.Next()), published: published) with { Tenant = tenant }, Ct);
        await harness.Analysis.SaveAsync(article.ArticleId, new DevelopmentAnalysis([], mentions, []), Ct);
        return article.ArticleId;
    }
}
