using BriefingBot.Digests;
using Npgsql;
using NpgsqlTypes;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresDigestSource(PostgresDatabase database) : IDigestSource
{
    public async Task<IReadOnlyList<DigestArticle>> ListStoriesStoredSinceAsync(
        DateTimeOffset since, string? keyword, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.id, a.story_id, a.title, a.source, a.url, a.published_at, a.stored_at, a.stored_at > @since
            FROM articles a
            WHERE a.story_id IN (
                SELECT story_id FROM articles
                WHERE stored_at > @since
                  AND (@pattern::text IS NULL OR title ILIKE @pattern ESCAPE '\' OR text ILIKE @pattern ESCAPE '\'))
            ORDER BY a.story_id, a.id
            """, connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("pattern", NpgsqlDbType.Text)
        {
            Value = string.IsNullOrWhiteSpace(keyword) ? DBNull.Value : LikePattern.Contains(keyword.Trim()),
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new List<DigestArticle>();
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new DigestArticle(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetBoolean(7)));
        }

        return articles;
    }

    public async Task<IReadOnlyList<ArticleActorCount>> CountActorMentionsAsync(
        IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT m.article_id, m.actor_id, max(coalesce(m.actor_name, m.actor_id)), count(*)::int
            FROM mentions m
            WHERE m.article_id = ANY(@ids) AND m.actor_id IS NOT NULL
            GROUP BY m.article_id, m.actor_id
            """, connection);
        command.Parameters.AddWithValue("ids", articleIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<ArticleActorCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ArticleActorCount(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return counts;
    }
}
