using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Digests;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Tests.Digests;

/// <summary>A real SQLite store, an in-memory development store and a composer over them, with helpers to add news.</summary>
internal sealed class DigestHarness(StorageHarness storage, TempFolder folder) : IAsyncDisposable
{
    public static readonly DateTimeOffset Since = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public StorageHarness Storage { get; } = storage;

    public BriefingBot.Tests.TestDoubles.InMemoryDevelopmentStore Developments { get; } = new();

    public DigestComposer Composer => ComposerWith(Developments);

    public DigestComposer ComposerWith(IDevelopmentStore developments) => new(
        Storage.Digests, Storage.Articles, developments, new ExtractiveSummarizer(), TestCatalog.Instance,
        [new RecordingPlatform("discord") { Limits = BriefingBot.Platforms.Discord.DiscordChatPlatform.MessageLimits }], NullLogger<DigestComposer>.Instance);

    public static async Task<DigestHarness> StartAsync(CancellationToken cancellationToken)
    {
        var folder = new TempFolder();
        var storage = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, cancellationToken);
        storage.Time.Advance(TimeSpan.FromMinutes(1));
        return new DigestHarness(storage, folder);
    }

    /// <summary>Stores an article with real sentences (seeded), optionally as another source of an earlier text.</summary>
    public async Task<AddResult> AddAsync(
        string title, int seed, string source = "Example News", DateTimeOffset? published = null, int? retellSeed = null, CancellationToken cancellationToken = default)
    {
        var text = retellSeed is { } of ? TestArticles.Edit(Sentences(of), 3 + (seed % 30), 60 + (seed % 30), 120 + (seed % 30)) : Sentences(seed);
        return await Storage.Articles.AddAsync(TestArticles.Create(title, text, published: published) with { Source = source }, cancellationToken);
    }

    public Task MentionAsync(long articleId, CancellationToken cancellationToken, params string[] actorIds) =>
        Storage.Analysis.SaveAsync(articleId, new DevelopmentAnalysis(
            [],
            [.. actorIds.Select((id, i) => TestCatalog.Instance.Find(id)!).Select((a, i) => new ActorMention(i * 10, 4, a.Name, a, a.Kind, 0.9, "name"))],
            []), cancellationToken);

    public static DigestRequest Request(string platform = "discord", IReadOnlySet<long>? sent = null, string? filter = null, int maxItems = 10, string zone = "Europe/London") =>
        new(platform, "C1", Since, sent ?? new HashSet<long>(), filter, maxItems, zone, Since.AddHours(12));

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        folder.Dispose();
    }

    private static string Sentences(int seed)
    {
        var words = TestArticles.LongText(seed, 240).Split(' ');
        return string.Join(' ', words.Chunk(16).Select(c => char.ToUpperInvariant(c[0][0]) + string.Join(' ', c)[1..] + "."));
    }
}
