using BriefingBot.Articles;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>As <see cref="Sqlite.SqliteArticleOwners"/>: an article without owner rows is shared by every workspace.</summary>
internal static class PostgresArticleOwners
{
    public static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticle article, AddResult result, CancellationToken cancellationToken)
    {
        var sql = (article.Tenant, result.Outcome) switch
        {
            (null, AddOutcome.Duplicate) => "DELETE FROM article_owners WHERE article_id = @id",
            (null, _) => null,
            (_, AddOutcome.Duplicate) => """
                INSERT INTO article_owners (article_id, tenant)
                SELECT @id, @tenant WHERE EXISTS (SELECT 1 FROM article_owners WHERE article_id = @id)
                ON CONFLICT DO NOTHING
                """,
            _ => "INSERT INTO article_owners (article_id, tenant) VALUES (@id, @tenant) ON CONFLICT DO NOTHING",
        };
        if (sql is null)
        {
            return;
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", result.ArticleId);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)article.Tenant ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<IReadOnlySet<long>> VisibleToAsync(
        PostgresDatabase database, IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken)
    {
        var visible = new HashSet<long>();
        if (articleIds.Count == 0)
        {
            return visible;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT a.id FROM unnest(@ids) AS a(id)
            WHERE NOT EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = a.id)
               OR EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = a.id AND o.tenant = @tenant)
            """, connection);
        command.Parameters.AddWithValue("ids", articleIds.ToArray());
        command.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visible.Add(reader.GetInt64(0));
        }

        return visible;
    }
}
