using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;

namespace BriefingBot.Analysis;

/// <summary>
/// Analyses stored articles that have no analysis yet, in batches: once at start and again on every
/// <see cref="AnalysisQueue"/> signal. Runs beside the chat handlers and never fails the host: an article that cannot
/// be analysed or stored is logged and skipped for the rest of that pass (the next signal tries it again); a pass that
/// fails (the store is unreachable) is logged and retried on the next signal.
/// </summary>
public sealed partial class AnalysisWorker(
    IArticleStore articles,
    IAnalysisStore analyses,
    DevelopmentExtractor extractor,
    AnalysisQueue queue,
    IEnumerable<IArticleAnalyzedListener> listeners,
    ILogger<AnalysisWorker> logger)
    : BackgroundService
{
    public const int BatchSize = 50;

    private readonly HashSet<long> failed = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Analysis is CPU work; get off the host's start-up path at once.
        await Task.Yield();
        try
        {
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

    /// <summary>Analyses every unanalysed article, skipping those that fail; returns how many were stored.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
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

            var analysis = extractor.Analyze(article);
            await analyses.SaveAsync(id, analysis, cancellationToken);
            await NotifyAsync(id, analysis, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failed.Add(id);
            LogArticleFailed(logger, id, ex);
            return false;
        }
    }

    /// <summary>The analysis is stored whatever a listener does; a failing listener is logged and not retried.</summary>
    private async Task NotifyAsync(long id, DevelopmentAnalysis analysis, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.ArticleAnalyzedAsync(id, analysis, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogListenerFailed(logger, id, listener.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "After analysing article {ArticleId}, {Listener} failed")]
    private static partial void LogListenerFailed(ILogger logger, long articleId, string listener, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed {Count} article(s)")]
    private static partial void LogPassDone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysing article {ArticleId} failed; skipping it until the next pass")]
    private static partial void LogArticleFailed(ILogger logger, long articleId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An analysis pass failed after {Count} article(s); retrying on the next signal")]
    private static partial void LogPassFailed(ILogger logger, int count, Exception exception);
}
