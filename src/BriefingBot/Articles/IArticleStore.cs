namespace BriefingBot.Articles;

/// <summary>Article storage; SQLite and PostgreSQL implement it and pass one contract test suite.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Stores the article unless it is a duplicate (same canonical URL or same content hash). A near-duplicate
    /// (a stored article sharing an LSH band key whose MinHash similarity is at least
    /// <see cref="ArticleFingerprint.NearDuplicateSimilarity"/>) joins that article's story.
    /// Atomic: two concurrent adds of the same article store it once.
    /// </summary>
    Task<AddResult> AddAsync(NewArticle article, CancellationToken cancellationToken);

    /// <summary>Adds many in one transaction (bulk ingestion); results are in input order.</summary>
    Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<NewArticle> articles, CancellationToken cancellationToken);

    Task<Article?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first (published time, else fetched time).</summary>
    Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset, CancellationToken cancellationToken);

    /// <summary>All articles of a story, first source first.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListStoryAsync(long storyId, CancellationToken cancellationToken);

    /// <summary>Full-text search, best first, stemmed, with a short snippet around the matches (matches wrapped in **).</summary>
    Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>How many articles the workspace <paramref name="tenant"/> may see (<see cref="VisibleToAsync"/>).</summary>
    Task<long> CountVisibleToAsync(string tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="articleIds"/>, those the workspace <paramref name="tenant"/> (<c>discord:123</c>) may see: the
    /// shared ones (operator files and feeds) and those it added itself (<see cref="NewArticle.Tenant"/>).
    /// </summary>
    Task<IReadOnlySet<long>> VisibleToAsync(IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken);
}
