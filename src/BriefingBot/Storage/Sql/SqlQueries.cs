using System.Data.Common;
using Dapper;

namespace BriefingBot.Storage.Sql;

/// <summary>Dapper calls as the stores make them: a read on a fresh connection, a write in its own transaction, or a step inside one.</summary>
public static class SqlQueries
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this ISqlDatabase database, string sql, object? values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, values, cancellationToken: cancellationToken))];
    }

    public static async Task<T?> QueryFirstOrDefaultAsync<T>(this ISqlDatabase database, string sql, object? values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, values, cancellationToken: cancellationToken));
    }

    /// <summary>One statement in its own write transaction; the rows it changed.</summary>
    public static Task<int> ExecuteAsync(this ISqlDatabase database, string sql, object? values, CancellationToken cancellationToken) =>
        database.TransactAsync((_, transaction) => transaction.ExecuteAsync(sql, values, cancellationToken), cancellationToken);

    /// <summary>One statement inside <paramref name="transaction"/>; with a list of values, once per element.</summary>
    public static Task<int> ExecuteAsync(this DbTransaction transaction, string sql, object? values, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this DbTransaction transaction, string sql, object? values, CancellationToken cancellationToken) =>
        [.. await transaction.Connection!.QueryAsync<T>(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken))];

    public static Task<T> QuerySingleAsync<T>(this DbTransaction transaction, string sql, object? values, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<T>(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));

    public static Task<T?> QueryFirstOrDefaultAsync<T>(this DbTransaction transaction, string sql, object? values, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<T>(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));
}
