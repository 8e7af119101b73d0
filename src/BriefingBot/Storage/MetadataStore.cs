using BriefingBot.Storage.Sql;
using Dapper;

namespace BriefingBot.Storage;

public sealed class MetadataStore(ISqlDatabase database) : IMetadataStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(
            new CommandDefinition("SELECT value FROM meta WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        database.TransactAsync((connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key, value }, transaction, cancellationToken: cancellationToken)), cancellationToken);
}
