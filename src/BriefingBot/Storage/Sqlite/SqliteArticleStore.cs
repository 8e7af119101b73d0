using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Articles in one SQLite file: FTS5 search, MinHash LSH bands for near-duplicates, stories grouped by event through
/// an inverted index of rare terms (<see cref="SqliteStoryWriter"/>), one writer at a time.
/// </summary>
public sealed class SqliteArticleStore(
    SqliteDatabase database, TimeProvider timeProvider, ILogger<SqliteArticleStore> logger, IOptions<StoriesOptions>? stories = null)
    : IArticleStore, IDisposable
{
    private const string SummaryColumns = "id, story_id, title, source, url, published_at, fetched_at";
    private readonly SqliteArticleSearch search = new(database, logger);
    private SqliteArticleWriter? writer;
    private TermStatistics? statistics;

    public async Task<AddResult> AddAsync(NewArticle article, CancellationToken cancellationToken) =>
        (await AddManyAsync([article], cancellationToken))[0];

    public Task<IReadOnlyList<AddResult>> AddManyAsync(IReadOnlyList<NewArticle> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AddResult>>([]);
        }

        return database.WriteAsync<IReadOnlyList<AddResult>>((connection, transaction) =>
        {
            // Runs under the database's write gate, so the cached writer is never shared.
            if (writer?.Connection != connection)
            {
                writer?.Dispose();
                writer = new SqliteArticleWriter(connection, stories?.Value);
            }

            // Loaded once; a failed batch (rolled back) forgets them so the next one reloads what was committed.
            var counts = statistics ??= SqliteStoryWriter.LoadStatistics(connection, transaction);
            try
            {
                var now = timeProvider.GetUtcNow();
                var results = new AddResult[articles.Count];
                for (var i = 0; i < articles.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[i] = writer.Add(articles[i], transaction, now, counts);
                    SqliteArticleOwners.Record(connection, transaction, articles[i], results[i]);
                }

                writer.Stories.SaveStatistics(counts, transaction);
                return results;
            }
            catch
            {
                statistics = null;
                throw;
            }
        }, cancellationToken);
    }

    public async Task<Article?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, story_id, url, canonical_url, title, source, author, published_at, fetched_at, language, text, content_hash
            FROM articles WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Article(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(7)),
            SqliteTime.FromMicroseconds(reader.GetInt64(8)),
            reader.GetString(9), reader.GetString(10), reader.GetString(11));
    }

    public Task<IReadOnlyList<ArticleSummary>> ListAsync(int limit, int offset, CancellationToken cancellationToken) =>
        ListSummariesAsync(
            $"SELECT {SummaryColumns} FROM articles ORDER BY coalesce(published_at, fetched_at) DESC, id DESC LIMIT $limit OFFSET $offset",
            command =>
            {
                command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
                command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            },
            cancellationToken);

    public Task<IReadOnlyList<ArticleSummary>> ListStoryAsync(long storyId, CancellationToken cancellationToken) =>
        ListSummariesAsync(
            $"SELECT {SummaryColumns} FROM articles WHERE story_id = coalesce((SELECT merged_into FROM stories WHERE id = $story), $story) ORDER BY id",
            command => command.Parameters.AddWithValue("$story", storyId),
            cancellationToken);

    public Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken) =>
        search.SearchAsync(query, limit, cancellationToken);

    public Task<IReadOnlySet<long>> VisibleToAsync(IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken) =>
        SqliteArticleOwners.VisibleToAsync(database, articleIds, tenant, cancellationToken);

    /// <summary>All articles, less the private ones, plus the tenant's own (an owner row is one private article of one tenant).</summary>
    public async Task<long> CountVisibleToAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM articles) - (SELECT count(DISTINCT article_id) FROM article_owners)
                + (SELECT count(*) FROM article_owners WHERE tenant = @tenant)
            """;
        command.Parameters.AddWithValue("@tenant", tenant);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose() => writer?.Dispose();

    private async Task<IReadOnlyList<ArticleSummary>> ListSummariesAsync(
        string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<ArticleSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new ArticleSummary(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(5)),
                SqliteTime.FromMicroseconds(reader.GetInt64(6))));
        }

        return summaries;
    }
}
