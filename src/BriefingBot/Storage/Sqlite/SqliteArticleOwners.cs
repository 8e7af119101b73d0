using BriefingBot.Articles;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Which workspaces an article belongs to (migration 13). An article without rows is shared. A chat workspace adding an
/// article makes it its own (or adds itself to a private one's owners); the operator storing it again makes it shared.
/// </summary>
internal static class SqliteArticleOwners
{
    public static void Record(SqliteConnection connection, SqliteTransaction transaction, NewArticle article, AddResult result)
    {
        var sql = (article.Tenant, result.Outcome) switch
        {
            (null, AddOutcome.Duplicate) => "DELETE FROM article_owners WHERE article_id = $id",
            (null, _) => null,
            (_, AddOutcome.Duplicate) => """
                INSERT OR IGNORE INTO article_owners (article_id, tenant)
                SELECT $id, $tenant WHERE EXISTS (SELECT 1 FROM article_owners WHERE article_id = $id)
                """,
            _ => "INSERT OR IGNORE INTO article_owners (article_id, tenant) VALUES ($id, $tenant)",
        };
        if (sql is null)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", result.ArticleId);
        command.Parameters.AddWithValue("$tenant", (object?)article.Tenant ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static async Task<IReadOnlySet<long>> VisibleToAsync(
        SqliteDatabase database, IReadOnlyCollection<long> articleIds, string tenant, CancellationToken cancellationToken)
    {
        var visible = new HashSet<long>();
        if (articleIds.Count == 0)
        {
            return visible;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.value FROM json_each($ids) AS a
            WHERE NOT EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = a.value)
               OR EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = a.value AND o.tenant = $tenant)
            """;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', articleIds) + "]");
        command.Parameters.AddWithValue("$tenant", tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visible.Add(reader.GetInt64(0));
        }

        return visible;
    }
}
