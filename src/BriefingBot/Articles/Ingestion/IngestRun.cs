namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// The bookkeeping of one <see cref="IArticleIngestor.IngestAsync"/> call: results in source order, articles stored
/// in batches, progress as it goes.
/// </summary>
internal sealed partial class IngestRun(IArticleStore store, IProgress<IngestProgress>? progress, int batchSize, ILogger logger)
{
    private readonly List<IngestItemResult?> results = [];
    private readonly List<(int Slot, string Source, NewArticle Article)> pending = [];
    private int done;
    private int total;

    public IReadOnlyList<IngestItemResult> Results => [.. results.OfType<IngestItemResult>()];

    /// <summary>More items became known (a folder listed, a feed read).</summary>
    public void Expect(int count) => total += count;

    public void Fail(string source, string error)
    {
        results.Add(IngestItemResult.Failed(source, error));
        Advance(source);
    }

    public async Task AddAsync(string source, NewArticle article, CancellationToken cancellationToken)
    {
        results.Add(null);
        pending.Add((results.Count - 1, source, article));
        Advance(source);
        if (pending.Count >= batchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        IReadOnlyList<AddResult> stored;
        try
        {
            stored = await store.AddManyAsync([.. pending.Select(p => p.Article)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad article must not sink its batch: store the batch one by one.
            LogBatchFailed(logger, pending.Count, ex);
            foreach (var item in pending)
            {
                results[item.Slot] = await AddOneAsync(item.Source, item.Article, cancellationToken);
            }

            pending.Clear();
            return;
        }

        for (var i = 0; i < pending.Count; i++)
        {
            results[pending[i].Slot] = Describe(pending[i].Source, pending[i].Article, stored[i]);
        }

        pending.Clear();
    }

    private async Task<IngestItemResult> AddOneAsync(string source, NewArticle article, CancellationToken cancellationToken)
    {
        try
        {
            return Describe(source, article, await store.AddAsync(article, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, source, ex);
            return IngestItemResult.Failed(source, "could not store the article: " + ex.Message);
        }
    }

    private static IngestItemResult Describe(string source, NewArticle article, AddResult result) => new(
        source,
        result.Outcome switch
        {
            AddOutcome.Added => IngestStatus.Added,
            AddOutcome.AddedToStory => IngestStatus.AddedToStory,
            _ => IngestStatus.Duplicate,
        },
        result.ArticleId,
        article.Title,
        null)
    {
        StoryId = result.StoryId,
    };

    private void Advance(string source)
    {
        done++;
        total = Math.Max(total, done);
        progress?.Report(new IngestProgress(done, total, source));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} articles failed; storing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing the article from {Source} failed")]
    private static partial void LogStoreFailed(ILogger logger, string source, Exception exception);
}
