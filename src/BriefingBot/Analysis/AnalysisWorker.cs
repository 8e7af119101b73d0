using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Storage;

namespace BriefingBot.Analysis;

/// <summary>
/// Analyses stored articles that have no analysis yet, in batches: once at start and again on every
/// <see cref="AnalysisQueue"/> signal. At start, when the actor catalogue differs from the one the stored analyses were
/// made with (its hash in the meta table), every article is marked for analysis again. Runs beside the chat handlers
/// and never fails the host: an article that cannot be analysed or stored is logged and skipped for the rest of that
/// pass (the next signal tries it again); a pass that fails (the store is unreachable) is logged and retried on the
/// next signal.
/// </summary>
public sealed partial class AnalysisWorker(
    IArticleStore articles,
    IAnalysisStore analyses,
    DevelopmentExtractor extractor,
    AnalysisQueue queue,
    IMetadataStore metadata,
    ActorCatalogVersion catalog,
    ILogger<AnalysisWorker> logger)
    : BackgroundService
{
    public const int BatchSize = 50;

    /// <summary>The meta key that holds the hash of the catalogue the stored analyses were made with.</summary>
    public const string CatalogHashKey = "analysis.actors-sha256";

    private readonly HashSet<long> failed = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Analysis is CPU work; get off the host's start-up path at once.
        await Task.Yield();
        try
        {
            await MarkStaleIfCatalogChangedAsync(stoppingToken);
            while (true)
            {
                await RunPassAsync(stoppingToken);
                await queue.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Marks every article for re-analysis when the catalogue changed since the analyses were stored (or its hash was
    /// never recorded); returns how many were marked. A failure is logged and leaves the hash as it was, so the next
    /// start tries again.
    /// </summary>
    public async Task<int> MarkStaleIfCatalogChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var recorded = await metadata.GetAsync(CatalogHashKey, cancellationToken);
            if (recorded == catalog.Hash)
            {
                return 0;
            }

            var marked = await analyses.MarkAllUnanalyzedAsync(cancellationToken);
            await metadata.SetAsync(CatalogHashKey, catalog.Hash, cancellationToken);
            if (marked > 0)
            {
                LogCatalogChanged(logger, marked);
            }

            return marked;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCatalogCheckFailed(logger, ex);
            return 0;
        }
    }

    /// <summary>
    /// <c>ingest --reanalyze</c>: marks every stored article for analysis, records the current catalogue, and analyses
    /// them all; returns (analysed, stored articles).
    /// </summary>
    public async Task<(int Analysed, int Total)> ReanalyzeAllAsync(IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        await analyses.MarkAllUnanalyzedAsync(cancellationToken);
        await metadata.SetAsync(CatalogHashKey, catalog.Hash, cancellationToken);
        var total = (int)await articles.CountAsync(cancellationToken);
        var analysed = await RunPassAsync(done => progress?.Report(new IngestProgress(done, total, $"article {done}")), cancellationToken);
        return (analysed, total);
    }

    /// <summary>Analyses every unanalysed article, skipping those that fail; returns how many were stored.</summary>
    public Task<int> RunPassAsync(CancellationToken cancellationToken) => RunPassAsync(null, cancellationToken);

    private async Task<int> RunPassAsync(Action<int>? onArticle, CancellationToken cancellationToken)
    {
        var analysed = 0;
        failed.Clear();
        try
        {
            while (true)
            {
                var ids = await analyses.ListUnanalyzedAsync(BatchSize + failed.Count, cancellationToken);
                var batch = ids.Where(id => !failed.Contains(id)).Take(BatchSize).ToList();
                if (batch.Count == 0)
                {
                    return analysed;
                }

                foreach (var id in batch)
                {
                    analysed += await AnalyzeOneAsync(id, cancellationToken) ? 1 : 0;
                    onArticle?.Invoke(analysed + failed.Count);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(logger, analysed, ex);
            return analysed;
        }
        finally
        {
            if (analysed > 0)
            {
                LogPassDone(logger, analysed);
            }
        }
    }

    private async Task<bool> AnalyzeOneAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var article = await articles.GetAsync(id, cancellationToken);
            if (article is null)
            {
                // Deleted since it was listed.
                failed.Add(id);
                return false;
            }

            await analyses.SaveAsync(id, extractor.Analyze(article), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failed.Add(id);
            LogArticleFailed(logger, id, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed {Count} article(s)")]
    private static partial void LogPassDone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysing article {ArticleId} failed; skipping it until the next pass")]
    private static partial void LogArticleFailed(ILogger logger, long articleId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An analysis pass failed after {Count} article(s); retrying on the next signal")]
    private static partial void LogPassFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The actor catalogue changed; re-analysing {Count} article(s)")]
    private static partial void LogCatalogChanged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking whether the actor catalogue changed failed; stored analyses are kept as they are")]
    private static partial void LogCatalogCheckFailed(ILogger logger, Exception exception);
}
