using BriefingBot.Articles;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// An <see cref="IArticleStore"/> that follows the interface's dedupe rules (canonical URL, content hash,
/// MinHash similarity) without a database.
/// </summary>
public sealed class InMemoryArticleStore : IArticleStore
{
    private readonly Lock gate = new();
    private readonly List<(Article Article, uint[] MinHash)> articles = [];
    private readonly Dictionary<long, HashSet<string>> owners = [];

    public int AddManyCalls { get; private set; }

    public IReadOnlyList<Article> All
    {
        get
        {
            lock (gate)
            {
                return [.. articles.Select(a => a.Article)];
            }
        }
    }

    public Task<AddResult> AddAsync(NewArticle article, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(Add(article));
        }
    }

    public Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<NewArticle> articles, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            AddManyCalls++;
            return Task.FromResult<IReadOnlyList<AddResult>>([.. articles.Select(Add)]);
        }
    }

    public Task<Article?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(articles.Select(a => a.Article).FirstOrDefault(a => a.Id == id));
        }
    }

    public Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ArticleSummary>>([.. articles.Select(a => a.Article)
                .OrderByDescending(a => a.PublishedAt ?? a.FetchedAt).Skip(offset).Take(limit).Select(Summarize)]);
        }
    }

    public Task<IReadOnlyList<ArticleSummary>> ListStoryAsync(long storyId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ArticleSummary>>([.. articles.Select(a => a.Article)
                .Where(a => a.StoryId == storyId).OrderBy(a => a.Id).Select(Summarize)]);
        }
    }

    public Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var terms = ArticleFingerprint.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ArticleSearchHit>>([.. articles.Select(a => a.Article)
                .Select(a => (Article: a, Score: terms.Count(t => ArticleFingerprint.Normalize(a.Title + " " + a.Text).Contains(t, StringComparison.Ordinal))))
                .Where(h => h.Score > 0)
                .OrderByDescending(h => h.Score)
                .Take(limit)
                .Select(h => new ArticleSearchHit(h.Article.Id, h.Article.Title, h.Article.Source, h.Article.Url, h.Article.PublishedAt, ArticleText.Opening(h.Article.Text, 80), h.Score, h.Article.StoryId))]);
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)articles.Count);
        }
    }

    public Task<long> CountVisibleToAsync(string tenant, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)articles.Count(a => !owners.TryGetValue(a.Article.Id, out var who) || who.Contains(tenant)));
        }
    }

    public Task<IReadOnlySet<long>> VisibleToAsync(IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlySet<long>>(articleIds.Where(id => !owners.TryGetValue(id, out var who) || who.Contains(tenant)).ToHashSet());
        }
    }

    private AddResult Add(NewArticle article)
    {
        var result = Store(article);
        if (article.Tenant is null)
        {
            if (result.Outcome == AddOutcome.Duplicate)
            {
                owners.Remove(result.ArticleId);
            }
        }
        else if (result.Outcome != AddOutcome.Duplicate)
        {
            owners[result.ArticleId] = [article.Tenant];
        }
        else if (owners.TryGetValue(result.ArticleId, out var who))
        {
            who.Add(article.Tenant);
        }

        return result;
    }

    private AddResult Store(NewArticle article)
    {
        var same = articles.FirstOrDefault(a => a.Article.CanonicalUrl == article.CanonicalUrl || a.Article.ContentHash == article.ContentHash);
        if (same.Article is not null)
        {
            return new AddResult(AddOutcome.Duplicate, same.Article.Id, same.Article.StoryId);
        }

        var id = articles.Count + 1L;
        var near = articles.FirstOrDefault(a => ArticleFingerprint.Similarity(a.MinHash, article.MinHash) >= ArticleFingerprint.NearDuplicateSimilarity);
        var storyId = near.Article?.StoryId ?? id;
        articles.Add((new Article(id, storyId, article.Url, article.CanonicalUrl, article.Title, article.Source, article.Author,
            article.PublishedAt, article.FetchedAt, article.Language, article.Text, article.ContentHash), article.MinHash));
        return new AddResult(near.Article is null ? AddOutcome.Added : AddOutcome.AddedToStory, id, storyId);
    }

    private static ArticleSummary Summarize(Article a) => new(a.Id, a.StoryId, a.Title, a.Source, a.Url, a.PublishedAt, a.FetchedAt);
}
