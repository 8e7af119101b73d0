using BriefingBot.Articles;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// FTS5 search: bm25 ranking (title weighted, see the migration), snippets only for the hits returned.
/// Ranking covers the newest <see cref="SearchTerms.RankWindow"/> matches (all of them for rarer words).
/// </summary>
internal sealed class SqliteArticleSearch(SqliteDatabase database, ILogger logger)
{
    // The rowid bound is where the RankWindow-th newest match sits (walking the doclist, no ranking). The inner
    // query lets FTS5 sort by rank itself and stop at the limit, so snippet() runs only for the hits.
    private const string Sql = """
        SELECT a.id, a.title, a.source, a.url, a.published_at, hit.snippet, hit.rank, a.story_id
        FROM (
            SELECT rowid AS article_id, rank, snippet(articles_fts, -1, '**', '**', '…', 16) AS snippet
            FROM articles_fts
            WHERE articles_fts MATCH $query
              AND rowid >= coalesce(
                  (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $query ORDER BY rowid DESC LIMIT 1 OFFSET $window), 0)
            ORDER BY rank LIMIT $limit
        ) AS hit
        JOIN articles AS a ON a.id = hit.article_id
        ORDER BY hit.rank
        """;

    public async Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.WithoutStopWords(SearchTerms.Extract(query));
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$query", SearchTerms.ToFts5(terms));
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$window", SearchTerms.RankWindow(terms.Count) - 1);
        var hits = new List<ArticleSearchHit>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new ArticleSearchHit(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(4)),
                    reader.GetString(5), -reader.GetDouble(6), reader.GetInt64(7)));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // Sanitised terms should never be rejected; if FTS5 still objects, the user gets no results rather than an error.
            StorageLog.SearchRejected(logger, ex);
            return [];
        }

        return hits;
    }
}
