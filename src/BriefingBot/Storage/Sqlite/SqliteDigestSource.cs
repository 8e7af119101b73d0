using System.Globalization;
using BriefingBot.Digests;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteDigestSource(SqliteDatabase database) : IDigestSource
{
    public async Task<IReadOnlyList<DigestArticle>> ListStoriesStoredSinceAsync(
        DateTimeOffset since, string? keyword, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.story_id, a.title, a.source, a.url, a.published_at, a.stored_at, a.stored_at > $since
            FROM articles a
            WHERE a.story_id IN (
                SELECT story_id FROM articles
                WHERE stored_at > $since
                  AND ($pattern IS NULL OR title LIKE $pattern ESCAPE '\' OR text LIKE $pattern ESCAPE '\'))
            ORDER BY a.story_id, a.id
            """;
        command.Parameters.AddWithValue("$since", SqliteTime.ToMicroseconds(since));
        command.Parameters.AddWithValue("$pattern", string.IsNullOrWhiteSpace(keyword) ? DBNull.Value : LikePattern.Contains(keyword.Trim()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new List<DigestArticle>();
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(new DigestArticle(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(5)),
                SqliteTime.FromMicroseconds(reader.GetInt64(6)),
                reader.GetInt64(7) != 0));
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
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.article_id, m.actor_id, max(coalesce(m.actor_name, m.actor_id)), count(*)
            FROM mentions m
            WHERE m.article_id IN (SELECT value FROM json_each($ids)) AND m.actor_id IS NOT NULL
            GROUP BY m.article_id, m.actor_id
            """;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(",", articleIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<ArticleActorCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ArticleActorCount(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return counts;
    }
}
