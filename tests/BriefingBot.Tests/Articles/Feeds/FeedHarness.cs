using BriefingBot.Articles;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using BriefingBot.Tests.Digests;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>
/// The real feed registrations (<c>AddStorage</c>, <c>AddArticles</c>, <c>AddFeeds</c>) on a real SQLite file (or the
/// PostgreSQL named in <c>Storage:</c> settings), a fake clock for due times and backoff, and a recording chat platform.
/// </summary>
public sealed class FeedHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly TempFolder folder = new();

    private FeedHarness(Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(folder.Path, "bot.db"),
            ["Articles:FetchTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddSingleton(Substitute.For<IHostApplicationLifetime>());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IHostResolver>(Resolver);
        services.AddSingleton<IChatPlatform>(Platform);
        services.AddSingleton<IArticleAnnouncer>(Announcer);
        services.AddCommandDispatch();
        services.AddStorage();
        services.AddArticles(BotMode.Ingest);
        services.AddFeeds(BotMode.Ingest);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public FakeHostResolver Resolver { get; } = new();

    public RecordingPlatform Platform { get; } = new("test");

    public RecordingAnnouncer Announcer { get; } = new();

    public IServiceProvider Services => provider;

    public IFeedStore Feeds => provider.GetRequiredService<IFeedStore>();

    public IArticleStore Articles => provider.GetRequiredService<IArticleStore>();

    public FeedPoller Poller => provider.GetRequiredService<FeedPoller>();

    public FeedService Service => provider.GetRequiredService<FeedService>();

    public static async Task<FeedHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new FeedHarness(settings ?? [], configure);
        await harness.provider.GetRequiredService<IStorageMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        return harness;
    }

    /// <summary>A chat workspace's admin in channel <paramref name="channel"/> of the recording platform.</summary>
    public static CommandContext Admin(string workspace = "W1", string channel = "c1", bool admin = true) =>
        new("test", channel, "u1", "Ada", IsAdmin: admin, IsOperator: false, WorkspaceId: workspace);

    public async Task<ChatReply> RunAsync(string line, CommandContext context)
    {
        var dispatcher = provider.GetRequiredService<CommandDispatcher>();
        var parser = provider.GetRequiredService<TextCommandParser>();
        var parsed = parser.Parse(line, context);
        return parsed.Request is { } request
            ? await dispatcher.DispatchAsync(request, TestContext.Current.CancellationToken)
            : ChatReply.Error(parsed.Error ?? "not a command: " + line);
    }

    /// <summary>An operator feed stored directly, due now.</summary>
    public async Task<Feed> AddFeedAsync(Uri url, TimeSpan? every = null, string? tenant = null, string? channel = "c1")
    {
        var now = Time.GetUtcNow();
        var (feed, _) = await Feeds.AddAsync(
            new Feed(0, tenant, url.AbsoluteUri, null, every ?? TimeSpan.FromMinutes(30), FeedOrigin.Chat, now, now)
            {
                StateSince = now,
                AddedPlatform = channel is null ? null : "test",
                AddedChannel = channel,
            },
            TestContext.Current.CancellationToken);
        return feed;
    }

    public async Task<FeedPollResult> PollAsync(long id) =>
        await Poller.PollAsync((await Feeds.GetAsync(id, TestContext.Current.CancellationToken))!, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        folder.Dispose();
    }
}

public sealed class RecordingAnnouncer : IArticleAnnouncer
{
    public List<string?> Titles { get; } = [];

    public Task AnnounceAsync(Uri feed, IngestItemResult article, CancellationToken cancellationToken)
    {
        lock (Titles)
        {
            Titles.Add(article.Title);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Feeds for tests: every item has enough text of its own, so no item page is fetched.</summary>
public static class TestFeeds
{
    public sealed record Item(string Guid, string Title, string Link, int Seed, string? PubDate = "Fri, 20 Nov 2026 10:00:00 +0000");

    public static string Rss(string title, params Item[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>{title}</title>
            <link>https://news.example.com/</link>
            <description>Test feed</description>
            {string.Concat(items.Select(i => $"""
            <item>
              <guid isPermaLink="false">{i.Guid}</guid>
              <title>{i.Title}</title>
              <link>{i.Link}</link>
              <description>{SampleText.Paragraphs(i.Seed)}</description>
              {(i.PubDate is null ? "" : $"<pubDate>{i.PubDate}</pubDate>")}
            </item>
            """))}
          </channel>
        </rss>
        """;
}
