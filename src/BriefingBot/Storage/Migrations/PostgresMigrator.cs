using BriefingBot.Storage.Postgres;
using Npgsql;

namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Applies <see cref="PostgresMigrations"/> under a session advisory lock, so workers starting together
/// migrate one after another and the later ones find nothing left to do.
/// </summary>
public sealed class PostgresMigrator(PostgresDatabase database, TimeProvider timeProvider, ILogger<PostgresMigrator> logger) : IStorageMigrator
{
    /// <summary>Advisory lock key for migrations ("BBmigrat" as bytes), distinct from the ingestion lock.</summary>
    internal const long MigrationLockKey = 0x4242_6D69_6772_6174;

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(PostgresMigrations.All, cancellationToken);

    internal async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForStartupAsync(cancellationToken);
        await AdvisoryAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL
                )
                """, cancellationToken);

            var applied = 0;
            foreach (var migration in migrations.OrderBy(m => m.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE version = $1", connection, transaction))
                {
                    check.Parameters.AddWithValue(migration.Version);
                    if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                    {
                        continue;
                    }
                }

                StorageLog.ApplyingMigration(logger, "PostgreSQL", migration.Version, migration.Name);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    record.Parameters.AddWithValue(timeProvider.GetUtcNow());
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied++;
            }

            return applied;
        }
        finally
        {
            // Pooled connections outlive this method, so the session lock must be released explicitly.
            await AdvisoryAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    private static async Task AdvisoryAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
