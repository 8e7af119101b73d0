using BriefingBot.Analysis;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion.Files;
using BriefingBot.Articles.Ingestion.Web;

namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// Resolves each source (file, folder, page URL, feed URL), extracts its articles and stores them in batches.
/// A source that fails is reported with its reason and the rest of the batch goes on. When anything new was stored,
/// the <see cref="AnalysisQueue"/> (if any) is signalled so the background analysis picks it up.
/// </summary>
public sealed partial class ArticleIngestor(
    IArticleStore store, WebFetcher web, ArticleBuilder builder, ILogger<ArticleIngestor> logger, AnalysisQueue? analysisQueue = null)
    : IArticleIngestor
{
    public const int BatchSize = 200;

    /// <summary>A feed item shorter than this is a teaser: its link is fetched for the full text.</summary>
    public const int TeaserWords = 80;

    public Task<IngestReport> IngestAsync(
        IReadOnlyList<string> sources, IngestTrust trust, IProgress<IngestProgress>? progress, CancellationToken cancellationToken) =>
        IngestAsync(sources, trust, tenant: null, progress, cancellationToken);

    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<string> sources, IngestTrust trust, string? tenant, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new IngestRun(store, progress, BatchSize, logger);
        run.Expect(sources.Count);
        foreach (var raw in sources)
        {
            var source = raw.Trim();
            await IsolateAsync(source, run, () => IngestSourceAsync(source, trust, tenant, run, cancellationToken), cancellationToken);
        }

        return await FinishAsync(run, cancellationToken);
    }

    /// <summary>
    /// Stores the items of a feed the caller fetched and parsed (the feed poller: conditional GET, its own politeness),
    /// with the same teaser, dedupe and isolation rules as <see cref="IngestAsync(IReadOnlyList{string}, IngestTrust, string?, IProgress{IngestProgress}?, CancellationToken)"/>.
    /// </summary>
    public async Task<IngestReport> IngestFeedAsync(
        WebDocument document, FeedDocument feed, IngestTrust trust, string? tenant, CancellationToken cancellationToken)
    {
        var run = new IngestRun(store, progress: null, BatchSize, logger);
        run.Expect(1);
        await IngestItemsAsync(document, feed, trust, tenant, run, cancellationToken);
        return await FinishAsync(run, cancellationToken);
    }

    private async Task<IngestReport> FinishAsync(IngestRun run, CancellationToken cancellationToken)
    {
        await run.FlushAsync(cancellationToken);
        var report = new IngestReport(run.Results);
        if (report.Ingested > 0)
        {
            analysisQueue?.Signal();
        }

        return report;
    }

    private async Task IngestSourceAsync(string source, IngestTrust trust, string? tenant, IngestRun run, CancellationToken cancellationToken)
    {
        if (ArticleText.IsWebUrl(source))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url))
            {
                throw new IngestException("not a valid URL");
            }

            await IngestUrlAsync(source, url, trust, tenant, run, cancellationToken);
            return;
        }

        if (trust == IngestTrust.ChatUser)
        {
            throw new IngestException("only http(s) URLs can be added from chat");
        }

        var path = source;
        if (!Path.IsPathRooted(source) && Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            path = uri.IsFile ? uri.LocalPath : throw new IngestException($"unsupported URL scheme '{uri.Scheme}' (use http, https or a file path)");
        }

        if (Directory.Exists(path))
        {
            await IngestFolderAsync(path, run, cancellationToken);
        }
        else if (File.Exists(path))
        {
            await IngestFileAsync(path, source, run, cancellationToken);
        }
        else
        {
            throw new IngestException("no such file or folder");
        }
    }

    private async Task IngestFolderAsync(string folder, IngestRun run, CancellationToken cancellationToken)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        };
        var files = Directory.EnumerateFiles(folder, "*", options).Where(FileArticleReader.IsSupported).Order(StringComparer.Ordinal).ToList();

        // The folder itself was counted as one expected item.
        run.Expect(files.Count - 1);
        foreach (var file in files)
        {
            await IsolateAsync(file, run, () => IngestFileAsync(file, file, run, cancellationToken), cancellationToken);
        }
    }

    private async Task IngestFileAsync(string path, string source, IngestRun run, CancellationToken cancellationToken)
    {
        var extracted = await FileArticleReader.ReadAsync(path, cancellationToken);
        var fileUrl = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        var (url, canonical) = extracted.Url is { } web ? (web.AbsoluteUri, UrlCanonicalizer.Canonicalize(web)) : (fileUrl, fileUrl);
        var article = builder.Build(extracted, url, canonical, Path.GetFileNameWithoutExtension(path), "file");
        await run.AddAsync(source, article, cancellationToken);
    }

    private async Task IngestUrlAsync(string source, Uri url, IngestTrust trust, string? tenant, IngestRun run, CancellationToken cancellationToken)
    {
        var document = await web.FetchAsync(url, trust, cancellationToken);
        if (document.Kind == WebDocumentKind.Feed)
        {
            await IngestItemsAsync(document, FeedFormats.Parse(document.Body, document.Url, document.Charset), trust, tenant, run, cancellationToken);
            return;
        }

        var article = BuildPage(document, title: null);
        await run.AddAsync(source, article with { Tenant = tenant }, cancellationToken);
    }

    private NewArticle BuildPage(WebDocument document, string? title)
    {
        var extracted = HtmlArticleParser.Parse(TextDecoding.DecodePage(document.Body, document.Charset), document.Url);
        return builder.Build(
            title is null ? extracted : extracted with { Title = title },
            document.Url.AbsoluteUri,
            UrlCanonicalizer.Canonicalize(document.Url),
            document.Url.AbsoluteUri,
            document.Url.Host);
    }

    private async Task IngestItemsAsync(WebDocument document, FeedDocument feed, IngestTrust trust, string? tenant, IngestRun run, CancellationToken cancellationToken)
    {
        var feedName = string.IsNullOrWhiteSpace(feed.Title) ? document.Url.Host : feed.Title;

        // The feed itself was counted as one expected item.
        run.Expect(feed.Items.Count - 1);
        for (var index = 0; index < feed.Items.Count; index++)
        {
            var item = feed.Items[index];
            var source = item.Link?.AbsoluteUri ?? $"{document.Url.AbsoluteUri}#{ItemKey(item)}";
            await IsolateAsync(source, run, async () =>
            {
                var article = await BuildFeedItemAsync(item, source, feedName, feed.Language, trust, cancellationToken);
                await run.AddAsync(source, article with { Tenant = tenant }, cancellationToken);
            }, cancellationToken);
        }
    }

    private async Task<NewArticle> BuildFeedItemAsync(
        FeedItem item, string source, string feedName, string? language, IngestTrust trust, CancellationToken cancellationToken)
    {
        var text = HtmlText.ToPlainText(item.Content);
        var title = string.IsNullOrWhiteSpace(item.Title) ? null : HtmlText.ToPlainText(item.Title);
        if (ArticleBuilder.CountWords(text) < TeaserWords && item.Link is { } link && ArticleText.IsWebUrl(link.AbsoluteUri))
        {
            try
            {
                var page = await web.FetchAsync(link, trust, cancellationToken);
                if (page.Kind == WebDocumentKind.Page)
                {
                    var full = BuildPage(page, title);
                    return full with
                    {
                        Source = feedName,
                        Author = item.Author ?? full.Author,
                        PublishedAt = item.PublishedAt ?? full.PublishedAt,
                    };
                }
            }
            catch (IngestException ex) when (ArticleBuilder.CountWords(text) >= ArticleBuilder.MinimumWords)
            {
                // The teaser is still worth keeping when the full page cannot be had.
                LogTeaserKept(logger, link, ex.Message);
            }
        }

        var extracted = new ExtractedArticle(title ?? "", text)
        {
            Source = feedName,
            Author = item.Author,
            PublishedAt = item.PublishedAt,
            Language = language,
        };
        var canonical = item.Link is null ? source : UrlCanonicalizer.Canonicalize(item.Link);
        return builder.Build(extracted, source, canonical, source, feedName);
    }

    /// <summary>An item without a link is known by its GUID, else by its title and date (stable across polls, unlike its position).</summary>
    private static string ItemKey(FeedItem item) =>
        item.Id ?? "t-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(item.Title + "|" + item.PublishedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))))[..16];

    /// <summary>Runs one source or item so that its failure, whatever it is, is reported and the batch goes on.</summary>
    private async Task IsolateAsync(string source, IngestRun run, Func<Task> ingest, CancellationToken cancellationToken)
    {
        try
        {
            await ingest();
        }
        catch (IngestException ex)
        {
            run.Fail(source, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSourceFailed(logger, source, ex);
            run.Fail(source, "unexpected error: " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingesting {Source} failed unexpectedly")]
    private static partial void LogSourceFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not fetch the full text of {Link} ({Reason}); keeping the feed's summary")]
    private static partial void LogTeaserKept(ILogger logger, Uri link, string reason);
}
