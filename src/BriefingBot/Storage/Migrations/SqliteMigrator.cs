using BriefingBot.Hosting;
using BriefingBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Migrations;

/// <summary>Applies <see cref="SqliteMigrations"/>; each step in its own IMMEDIATE transaction, so concurrent starts serialise.</summary>
public sealed class SqliteMigrator(SqliteDatabase database, TimeProvider timeProvider, ILogger<SqliteMigrator> logger) : IStorageMigrator
{
    // SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB: the file, not the code.
    private static readonly HashSet<int> FileProblems = [3, 8, 10, 11, 13, 14, 26];

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MigrateAsync(SqliteMigrations.All, cancellationToken);
        }
        catch (SqliteException ex) when (FileProblems.Contains(ex.SqliteErrorCode))
        {
            throw new BotStartupException($"cannot open the SQLite database (Storage:SqlitePath) at {database.FilePath}: {ex.Message}", ex);
        }
    }

    internal async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForStartupAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """, cancellationToken);

        var applied = 0;
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken))
            {
                continue;
            }

            StorageLog.ApplyingMigration(logger, "SQLite", migration.Version, migration.Name);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(timeProvider.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied++;
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(
        SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM schema_migrations WHERE version = $version";
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
