using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>The default announcer: a log line per new article.</summary>
public sealed partial class LoggingArticleAnnouncer(ILogger<LoggingArticleAnnouncer> logger) : IArticleAnnouncer
{
    public Task AnnounceAsync(Uri feed, IngestItemResult article, CancellationToken cancellationToken)
    {
        LogNewArticle(logger, feed, article.ArticleId, article.Title, article.Source);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New from {Feed}: #{ArticleId} {Title} ({Source})")]
    private static partial void LogNewArticle(ILogger logger, Uri feed, long? articleId, string? title, string source);
}
