using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Polls;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using BriefingBot.Storage.Postgres;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BriefingBot.Tests.Actors;

/// <summary>
/// <see cref="ActorCardCache"/> over a real store: a card is built once per data version, rebuilt after a new mention,
/// a taught alias or a poll, and the cache stays within Actors:CardCacheMegabytes. Each provider's class runs all of it.
/// </summary>
public abstract class ActorCardCacheContract : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private ServiceProvider? services;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected FakeTimeProvider Time { get; } = new(Now);

    private ActorCardCache Cache => services!.GetRequiredService<ActorCardCache>();

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Storage settings (without the Storage: prefix) of the provider under test.</summary>
    protected abstract Task<Dictionary<string, string?>> StorageAsync();

    /// <summary>Runs after migration: a shared database is emptied here.</summary>
    protected virtual Task ResetAsync(IServiceProvider provider) => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_SameData_BuildsOnceAndServesTheSameCard()
    {
        await StartAsync();

        var first = await CardAsync("North Korea");
        var second = await CardAsync("North Korea");

        Assert.Equal(1, Cache.Builds);
        Assert.Same(first, second);
        Assert.Contains(first.Sections[0].Fields, f => f.Name == "Last 7 days" && f.Value.StartsWith("3 mentions in 2 articles", StringComparison.Ordinal));
        Assert.True(first.Image!.Png.Length > 1000);
    }

    [Fact]
    public async Task GetAsync_NewMention_RebuildsWithTheNewCounts()
    {
        await StartAsync();
        var before = await CardAsync("North Korea");

        await MentionAsync("kp", "ru");
        var after = await CardAsync("North Korea");
        var russia = await CardAsync("Russia");
        var again = await CardAsync("North Korea");

        Assert.Equal(3, Cache.Builds);
        Assert.NotSame(before, after);
        Assert.Same(after, again);
        Assert.Contains(after.Sections[0].Fields, f => f.Name == "Last 7 days" && f.Value.StartsWith("4 mentions in 3 articles", StringComparison.Ordinal));
        Assert.False(before.Image!.Png.Span.SequenceEqual(after.Image!.Png.Span));
        Assert.Contains(russia.Sections[0].Fields, f => f.Name == "Last 7 days" && f.Value.StartsWith("3 mentions in 3 articles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_MentionOfAnotherActor_KeepsTheCard()
    {
        await StartAsync();
        var before = await CardAsync("North Korea");

        await MentionAsync("ua");

        Assert.Same(before, await CardAsync("North Korea"));
        Assert.Equal(1, Cache.Builds);
    }

    [Fact]
    public async Task GetAsync_Alias_SharesTheBuiltCardUnderItsOwnHeader()
    {
        await StartAsync();
        var byName = await CardAsync("North Korea");

        var byAlias = await CardAsync("Pyongyang");

        Assert.Equal(1, Cache.Builds);
        Assert.Equal("North Korea", byName.Text);
        Assert.StartsWith("Pyongyang → North Korea (reached through", byAlias.Text, StringComparison.Ordinal);
        Assert.Same(byName.Sections, byAlias.Sections);
    }

    [Fact]
    public async Task GetAsync_ConcurrentColdRequests_ShareOneBuild()
    {
        await StartAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CardAsync("North Korea")));

        Assert.Equal(1, Cache.Builds);
        Assert.All(replies, r => Assert.Same(replies[0].Sections, r.Sections));
    }

    [Fact]
    public async Task GetAsync_PollOpensThenReachesItsClose_RebuildsEachTime()
    {
        await StartAsync();
        await CardAsync("North Korea");
        var polls = services!.GetRequiredService<IPollStore>();

        await polls.CreateAsync(
            new NewPoll("shell", "c1", "u1", "ana", "Will North Korea test a missile by Friday?", null, ["kp"], Now, Now.AddHours(2), DateOnly.FromDateTime(Now.UtcDateTime).AddDays(7)),
            Ct);
        var open = await CardAsync("North Korea");
        Time.Advance(TimeSpan.FromHours(3));
        var closed = await CardAsync("North Korea");

        Assert.Equal(3, Cache.Builds);
        Assert.Contains(open.Sections, s => s.Title == "Open polls");
        Assert.DoesNotContain(closed.Sections, s => s.Title == "Open polls");
    }

    [Fact]
    public async Task GetAsync_NextDay_RebuildsForTheNewRange()
    {
        await StartAsync();
        var today = await CardAsync("North Korea");

        Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await CardAsync("North Korea");

        Assert.Equal(2, Cache.Builds);
        Assert.NotEqual(today.Image!.AltText, tomorrow.Image!.AltText);
    }

    [Fact]
    public async Task GetAsync_ManyActorsInOneMegabyte_StaysWithinTheBoundAndDropsTheLeastRecent()
    {
        await StartAsync(megabytes: 1);
        var actors = services!.GetRequiredService<ActorCatalog>().Actors.Take(60).ToList();

        foreach (var actor in actors)
        {
            await CardAsync(actor.Name);
            Assert.InRange(Cache.Bytes, 1, 1024 * 1024);
        }

        Assert.InRange(Cache.Count, 2, actors.Count - 1);
        var builds = Cache.Builds;
        await CardAsync(actors[^1].Name);
        Assert.Equal(builds, Cache.Builds);
        await CardAsync(actors[0].Name);
        Assert.Equal(builds + 1, Cache.Builds);
    }

    [Fact]
    public async Task GetAsync_CacheOff_BuildsEveryTime()
    {
        await StartAsync(megabytes: 0);

        await CardAsync("North Korea");
        await CardAsync("North Korea");

        Assert.Equal(2, Cache.Builds);
        Assert.Equal(0, Cache.Count);
    }

    [Fact]
    public async Task GetAsync_ChartBaseUrl_ChartServedByItsVersionedAddressOnly()
    {
        await StartAsync(chartBaseUrl: "https://bot.example/");
        var store = services!.GetRequiredService<IActorStore>();
        var version = await store.GetCardVersionAsync("kp", Ct);
        var day = DateOnly.FromDateTime(Now.UtcDateTime);

        var card = await CardAsync("North Korea");

        Assert.Equal(new Uri($"https://bot.example/charts/actors/kp/{day.DayNumber}/{version}.png?for=%2A"), card.Image!.Url);
        var served = await Cache.GetChartAsync("kp", "*", day, version, Ct);
        Assert.True(served!.Value.Span.SequenceEqual(card.Image.Png.Span));
        Assert.Null(await Cache.GetChartAsync("kp", "*", day, version - 1, Ct));
        Assert.Null(await Cache.GetChartAsync("kp", "*", day.AddDays(-1), version, Ct));
        Assert.Null(await Cache.GetChartAsync("no-such-actor", "*", day, version, Ct));
    }

    [Fact]
    public async Task GetChartAsync_CurrentVersionNotCached_BuildsIt()
    {
        await StartAsync(chartBaseUrl: "https://bot.example/");
        var version = await services!.GetRequiredService<IActorStore>().GetCardVersionAsync("ru", Ct);

        var served = await Cache.GetChartAsync("ru", "*", DateOnly.FromDateTime(Now.UtcDateTime), version, Ct);

        Assert.True(served!.Value.Length > 1000);
        Assert.Equal(1, Cache.Builds);
    }

    private async Task StartAsync(int megabytes = 16, string? chartBaseUrl = null)
    {
        var settings = (await StorageAsync()).Select(s => new KeyValuePair<string, string?>("Storage:" + s.Key, s.Value))
            .Append(new("Actors:CardCacheMegabytes", megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("Actors:ChartBaseUrl", chartBaseUrl));
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddCommandDispatch();
        collection.AddStorage();
        collection.AddActors();
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct);
        await ResetAsync(services);
        await services.GetRequiredService<ActorAliases>().LoadAsync(Ct);
        await ActorSeed.StoreAsync(services, Ct);
    }

    private Task<ChatReply> CardAsync(string name) =>
        Cache.GetAsync(services!.GetRequiredService<ActorService>().Find(name) ?? throw new InvalidOperationException(name), ActorScope.Operator, Ct);

    private async Task MentionAsync(params string[] actorIds)
    {
        var catalog = services!.GetRequiredService<ActorCatalog>();
        var added = await services!.GetRequiredService<IArticleStore>().AddAsync(
            TestArticles.Create("Another report " + Guid.NewGuid().ToString("N")[..6], TestArticles.LongText(Random.Shared.Next()), published: Time.GetUtcNow()), Ct);
        var mentions = actorIds.Select(id => catalog.Find(id)!).Select(a => new ActorMention(0, a.Name.Length, a.Name, a, a.Kind, 1, "name")).ToList();
        await services!.GetRequiredService<IAnalysisStore>().SaveAsync(added.ArticleId, new DevelopmentAnalysis([], mentions, []), Ct);
    }
}

public sealed class SqliteActorCardCacheTests : ActorCardCacheContract, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    protected override Task<Dictionary<string, string?>> StorageAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") });
}

public sealed class PostgresActorCardCacheTests(PostgresTestDatabase database) : ActorCardCacheContract, IClassFixture<PostgresTestDatabase>
{
    protected override Task<Dictionary<string, string?>> StorageAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Provider"] = "Postgres", ["ConnectionString"] = database.ConnectionString });

    protected override async Task ResetAsync(IServiceProvider provider)
    {
        await using var connection = await provider.GetRequiredService<PostgresDatabase>().OpenAsync(Ct);
        await using var truncate = new NpgsqlCommand(
            "TRUNCATE articles, stories, meta, actor_aliases, actor_articles, actor_days, actor_pairs, polls, card_versions RESTART IDENTITY CASCADE", connection);
        await truncate.ExecuteNonQueryAsync(Ct);
    }
}
