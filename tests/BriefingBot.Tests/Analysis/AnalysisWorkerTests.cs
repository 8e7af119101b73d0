using System.Globalization;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Analysis;

/// <summary>The background analysis over a real SQLite store.</summary>
public sealed class AnalysisWorkerTests : IDisposable
{
    private const string DeploymentText =
        "Pyongyang is considering sending soldiers to Russia, citing unnamed intelligence sources. " +
        "Officials in Seoul said the border stayed quiet on Monday. The ministry published its weekly report.";

    private const string SanctionsText =
        "The European Union is likely to adopt new sanctions against Moscow before the end of the year, diplomats said. " +
        "Japan plans to tighten export controls on machine tools next month. Markets were calm.";

    private static readonly DevelopmentExtractor Extractor = new(TestCatalog.Recognizer);
    private readonly Storage.TempFolder folder = new();
    private readonly ListLogger<AnalysisWorker> logger = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_TwoUnanalysedArticles_StoresTheirMentionsAndDevelopments()
    {
        await using var harness = await OpenAsync();
        var deployment = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        var sanctions = await harness.Articles.AddAsync(TestArticles.Create("New sanctions", SanctionsText), Ct);
        using var worker = Worker(harness);

        await worker.StartAsync(Ct);
        await WaitUntilAllAnalysedAsync(harness.Analysis);
        await worker.StopAsync(Ct);

        var mentions = await harness.Analysis.GetMentionsAsync(deployment.ArticleId, Ct);
        Assert.Contains(mentions, m => m.Surface == "Pyongyang" && m.Actor?.Name == "North Korea");
        Assert.Contains(mentions, m => m.Actor?.Name == "Russia");
        var claims = (await harness.Analysis.GetDevelopmentsAsync(deployment.ArticleId, Ct)).Select(d => d.Claim);
        Assert.Contains("North Korea may send troops to Russia", claims);
        var sanctionClaims = (await harness.Analysis.GetDevelopmentsAsync(sanctions.ArticleId, Ct)).Select(d => d.Claim).ToList();
        Assert.Contains(sanctionClaims, c => c.Contains("sanctions against Russia", StringComparison.Ordinal));
        Assert.Contains(sanctionClaims, c => c.StartsWith("Japan plans to tighten export controls", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Signal_ArticleStoredAfterStart_IsAnalysed()
    {
        await using var harness = await OpenAsync();
        var queue = new AnalysisQueue();
        using var worker = Worker(harness, queue: queue);
        await worker.StartAsync(Ct);

        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        queue.Signal();
        await WaitUntilAllAnalysedAsync(harness.Analysis);
        await worker.StopAsync(Ct);

        Assert.NotEmpty(await harness.Analysis.GetDevelopmentsAsync(added.ArticleId, Ct));
    }

    [Fact]
    public async Task RunPassAsync_SavingOneArticleFails_LogsItAndAnalysesTheOther()
    {
        await using var harness = await OpenAsync();
        var broken = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        var fine = await harness.Articles.AddAsync(TestArticles.Create("New sanctions", SanctionsText), Ct);
        var store = new FailingAnalysisStore(harness.Analysis, broken.ArticleId);
        using var worker = Worker(harness, store);

        var analysed = await worker.RunPassAsync(Ct);

        Assert.Equal(1, analysed);
        Assert.NotEmpty(await harness.Analysis.GetDevelopmentsAsync(fine.ArticleId, Ct));
        Assert.Equal([broken.ArticleId], await harness.Analysis.ListUnanalyzedAsync(10, Ct));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(broken.ArticleId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_CatalogueChangedSinceLastRun_ReanalysesEveryArticle()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        using (var before = Worker(harness, catalog: "old"))
        {
            await before.MarkStaleIfCatalogChangedAsync(Ct);
            await before.RunPassAsync(Ct);
        }

        // Stands for an analysis made with the old catalogue: it found nothing.
        await harness.Analysis.SaveAsync(added.ArticleId, new DevelopmentAnalysis([], [], []), Ct);
        using var worker = Worker(harness, catalog: "new");
        await worker.StartAsync(Ct);
        await WaitUntilAsync(async () => (await harness.Analysis.GetMentionsAsync(added.ArticleId, Ct)).Count > 0);
        await worker.StopAsync(Ct);

        Assert.Contains(await harness.Analysis.GetMentionsAsync(added.ArticleId, Ct), m => m.Actor?.Name == "North Korea");
        Assert.Equal("new", await harness.Metadata.GetAsync(AnalysisWorker.CatalogHashKey, Ct));
        Assert.Contains(logger.Entries, e => e.Message.Contains("actor catalogue changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkStaleIfCatalogChangedAsync_SameCatalogue_KeepsStoredAnalyses()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        using var worker = Worker(harness, catalog: "same");
        await worker.MarkStaleIfCatalogChangedAsync(Ct);
        await worker.RunPassAsync(Ct);

        var marked = await Worker(harness, catalog: "same").MarkStaleIfCatalogChangedAsync(Ct);

        Assert.Equal(0, marked);
        Assert.Empty(await harness.Analysis.ListUnanalyzedAsync(10, Ct));
    }

    [Fact]
    public async Task ReanalyzeAllAsync_AnalysedArticles_AnalysesThemAgainWithProgress()
    {
        await using var harness = await OpenAsync();
        var deployment = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        var sanctions = await harness.Articles.AddAsync(TestArticles.Create("New sanctions", SanctionsText), Ct);
        using var worker = Worker(harness, catalog: "v2");
        await worker.RunPassAsync(Ct);
        await harness.Analysis.SaveAsync(deployment.ArticleId, new DevelopmentAnalysis([], [], []), Ct);
        await harness.Analysis.SaveAsync(sanctions.ArticleId, new DevelopmentAnalysis([], [], []), Ct);
        var progress = new List<BriefingBot.Articles.Ingestion.IngestProgress>();

        var (analysed, total) = await worker.ReanalyzeAllAsync(new SyncProgress(progress.Add), Ct);

        Assert.Equal((2, 2), (analysed, total));
        Assert.Equal([1, 2], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(2, p.Total));
        Assert.NotEmpty(await harness.Analysis.GetDevelopmentsAsync(deployment.ArticleId, Ct));
        Assert.NotEmpty(await harness.Analysis.GetHedgesAsync(sanctions.ArticleId, Ct));
        Assert.Equal("v2", await harness.Metadata.GetAsync(AnalysisWorker.CatalogHashKey, Ct));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunPassAsync_ListenerRegistered_ToldAfterEachStoredAnalysisAndFailuresContained()
    {
        await using var harness = await OpenAsync();
        var deployment = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        var recording = new RecordingListener(harness.Analysis);
        var failing = new FailingListener();
        using var worker = Worker(harness, listeners: [failing, recording]);

        var analysed = await worker.RunPassAsync(Ct);

        Assert.Equal(1, analysed);
        Assert.Equal([(deployment.ArticleId, true)], recording.Heard);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    private AnalysisWorker Worker(
        StorageHarness harness, IAnalysisStore? store = null, AnalysisQueue? queue = null, string catalog = "test", IEnumerable<IArticleAnalyzedListener>? listeners = null) =>
        new(harness.Articles, store ?? harness.Analysis, Extractor, queue ?? new AnalysisQueue(), harness.Metadata, new ActorCatalogVersion(catalog), listeners ?? [], logger);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed class SyncProgress(Action<BriefingBot.Articles.Ingestion.IngestProgress> report) : IProgress<BriefingBot.Articles.Ingestion.IngestProgress>
    {
        public void Report(BriefingBot.Articles.Ingestion.IngestProgress value) => report(value);
    }

    private Task<StorageHarness> OpenAsync() =>
        StorageHarness.StartAsync(new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, Ct);

    private static async Task WaitUntilAllAnalysedAsync(IAnalysisStore store)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await store.ListUnanalyzedAsync(1, timeout.Token)).Count > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The real store, except that saving one article fails.</summary>
    private sealed class FailingAnalysisStore(IAnalysisStore inner, long failingId) : IAnalysisStore
    {
        public Task SaveAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken) =>
            articleId == failingId ? throw new InvalidOperationException("disk full") : inner.SaveAsync(articleId, analysis, cancellationToken);

        public Task<IReadOnlyList<ActorMention>> GetMentionsAsync(long articleId, CancellationToken cancellationToken) =>
            inner.GetMentionsAsync(articleId, cancellationToken);

        public Task<IReadOnlyList<ReportedDevelopment>> GetDevelopmentsAsync(long articleId, CancellationToken cancellationToken) =>
            inner.GetDevelopmentsAsync(articleId, cancellationToken);

        public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
            inner.ListUnanalyzedAsync(limit, cancellationToken);

        public Task<IReadOnlyList<Hedge>> GetHedgesAsync(long articleId, CancellationToken cancellationToken) =>
            inner.GetHedgesAsync(articleId, cancellationToken);

        public Task<DevelopmentAnalysis?> GetAnalysisAsync(long articleId, CancellationToken cancellationToken) =>
            inner.GetAnalysisAsync(articleId, cancellationToken);

        public Task<IReadOnlyList<StoredActorCandidate>> FindCandidatesAsync(string name, int limit, CancellationToken cancellationToken) =>
            inner.FindCandidatesAsync(name, limit, cancellationToken);

        public Task<int> MarkAllUnanalyzedAsync(CancellationToken cancellationToken) => inner.MarkAllUnanalyzedAsync(cancellationToken);
    }

    /// <summary>Records each article it is told about, and whether its analysis was already stored by then.</summary>
    private sealed class RecordingListener(IAnalysisStore store) : IArticleAnalyzedListener
    {
        public List<(long Id, bool Stored)> Heard { get; } = [];

        public async Task ArticleAnalyzedAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken) =>
            Heard.Add((articleId, !(await store.ListUnanalyzedAsync(10, cancellationToken)).Contains(articleId)));
    }

    private sealed class FailingListener : IArticleAnalyzedListener
    {
        public Task ArticleAnalyzedAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("listener down");
    }
}
