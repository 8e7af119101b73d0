using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Articles in PostgreSQL: tsvector search, MinHash LSH bands for near-duplicates. Writers take one transaction
/// advisory lock (see <see cref="PostgresArticleWriter.IngestLockKey"/>) so concurrent adds, from any worker,
/// store an article once and agree on its story; unique constraints with ON CONFLICT back this up.
/// Search ranks the newest <see cref="SearchTerms.RankWindow"/> matches, like the SQLite store.
/// </summary>
/// <remarks>
/// Document frequencies for story grouping are loaded once per process and written back per batch; several workers
/// each keep their own copy, which only drifts the IDF weights a little between them.
/// </remarks>
public sealed class PostgresArticleStore(PostgresDatabase database, TimeProvider timeProvider, IOptions<StoriesOptions>? stories = null)
    : IArticleStore
{
    private TermStatistics? statistics;

    private const string SummaryColumns = "id, story_id, title, source, url, published_at, fetched_at";

    private const string SearchSql = """
        WITH query AS (SELECT websearch_to_tsquery('english', $1) AS q),
        recent AS (
            SELECT a.id FROM articles AS a, query WHERE a.search @@ query.q ORDER BY a.id DESC LIMIT $3
        ),
        top AS (
            SELECT a.id, a.title, a.source, a.url, a.published_at, a.text, ts_rank(a.search, query.q) AS score, a.story_id
            FROM articles AS a JOIN recent ON recent.id = a.id, query
            ORDER BY score DESC, a.id DESC
            LIMIT $2
        )
        SELECT top.id, top.title, top.source, top.url, top.published_at,
               ts_headline('english', top.text, query.q, 'StartSel=**, StopSel=**, MaxWords=20, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "'),
               top.score, top.story_id
        FROM top, query
        ORDER BY top.score DESC, top.id DESC
        """;

    public async Task<AddResult> AddAsync(NewArticle article, CancellationToken cancellationToken) =>
        (await AddManyAsync([article], cancellationToken))[0];

    public async Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<NewArticle> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresArticleWriter.LockIngestionAsync(connection, transaction, cancellationToken);
        // The ingestion lock also keeps this process's batches from using the statistics at once.
        try
        {
            var counts = statistics ??= await PostgresStoryWriter.LoadStatisticsAsync(connection, transaction, cancellationToken);
            var options = stories?.Value ?? new StoriesOptions();
            var now = timeProvider.GetUtcNow();
            var results = new AddResult[articles.Count];
            for (var i = 0; i < articles.Count; i++)
            {
                results[i] = await PostgresArticleWriter.AddAsync(connection, transaction, articles[i], now, counts, options, cancellationToken);
                await PostgresArticleOwners.RecordAsync(connection, transaction, articles[i], results[i], cancellationToken);
            }

            await PostgresStoryWriter.SaveStatisticsAsync(connection, transaction, counts, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return results;
        }
        catch
        {
            // Rolled back: reload what was committed next time.
            statistics = null;
            throw;
        }

    }

    public async Task<Article?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, story_id, url, canonical_url, title, source, author, published_at, fetched_at, language, text, content_hash
            FROM articles WHERE id = $1
            """, connection);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Article(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetString(9), reader.GetString(10), reader.GetString(11));
    }

    public Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset, CancellationToken cancellationToken) =>
        ListSummariesAsync(
            $"SELECT {SummaryColumns} FROM articles ORDER BY coalesce(published_at, fetched_at) DESC, id DESC LIMIT $1 OFFSET $2",
            [Math.Max(0, limit), Math.Max(0, offset)],
            cancellationToken);

    public Task<IReadOnlyList<ArticleSummary>> ListStoryAsync(long storyId, CancellationToken cancellationToken) =>
        ListSummariesAsync(
            $"SELECT {SummaryColumns} FROM articles WHERE story_id = coalesce((SELECT merged_into FROM stories WHERE id = $1), $1) ORDER BY id",
            [storyId],
            cancellationToken);

    public async Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.WithoutStopWords(SearchTerms.Extract(query));
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SearchSql, connection);
        command.Parameters.AddWithValue(SearchTerms.ToWebSearch(terms));
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(SearchTerms.RankWindow(terms.Count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<ArticleSearchHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ArticleSearchHit(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5), reader.GetFloat(6), reader.GetInt64(7)));
        }

        return hits;
    }

    public Task<IReadOnlySet<long>> VisibleToAsync(IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken) =>
        PostgresArticleOwners.VisibleToAsync(database, articleIds, tenant, cancellationToken);

    /// <summary>All articles, less the private ones, plus the tenant's own (an owner row is one private article of one tenant).</summary>
    public async Task<long> CountVisibleToAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
                SELECT (SELECT count(*) FROM articles) - (SELECT count(DISTINCT article_id) FROM article_owners)
                    + (SELECT count(*) FROM article_owners WHERE tenant = @tenant)
                """, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM articles", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<ArticleSummary>> ListSummariesAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<ArticleSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new ArticleSummary(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return summaries;
    }
}
