using Npgsql;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresMetadataStore(PostgresDatabase database) : IMetadataStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT value FROM meta WHERE key = $1", connection);
        command.Parameters.AddWithValue(key);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", connection);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
